// The operator's form for a report taken on a live call. Everything goes through the console's relay
// (/api/<service>/v1/...) with the page's CSRF token; nothing is kept in the browser's storage or in the URL. The
// report id is fixed when the form opens, so a double click, a retry or a resubmission returns the same case.

import { $, $$, getJson, name, paragraph, postJson, table, texts, when } from './common.js';

const form = $('#report-form');
let communes = [];
let previewTimer = null;
let submitting = false;

/** Lower case without diacritics (đ as d): "Điện Biên Phủ" and "dien bien phu" match. */
function fold(text) {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase();
}

function option(value, text) {
  const element = document.createElement('option');
  element.value = value;
  element.textContent = text;
  return element;
}

async function loadProvinces() {
  const province = $('#province');
  province.replaceChildren(option('', texts.chooseProvince));
  const { ok, body } = await getJson('/areas');
  if (!ok) return;
  (body.provinces ?? []).forEach((p) => province.append(option(p.code, `${p.name} (${p.code})`)));
}

async function loadCommunes(province) {
  communes = [];
  const commune = $('#commune');
  const filter = $('#commune-filter');
  commune.replaceChildren();
  commune.disabled = filter.disabled = !province;
  if (!province) return;
  const { ok, body } = await getJson(`/areas?province=${encodeURIComponent(province)}`);
  if (!ok) return;
  (body.communes ?? []).forEach((c) => communes.push({ ...c, folded: fold(c.fullName ?? c.name) }));
  showCommunes('');
}

function showCommunes(query) {
  const commune = $('#commune');
  const selected = commune.value;
  const wanted = fold(query.trim());
  commune.replaceChildren(option('', texts.allCommunes),
    ...communes.filter((c) => !wanted || c.folded.includes(wanted) || c.code.startsWith(wanted))
      .map((c) => option(c.code, `${c.fullName ?? c.name} (${c.code})`)));
  commune.value = selected;
}

function filterConcerns(query) {
  const wanted = fold(query.trim());
  $$('#concerns li').forEach((li) => {
    li.hidden = wanted !== '' && !fold(li.textContent).includes(wanted) && !li.dataset.concern.toLowerCase()
      .includes(wanted);
  });
}

function showContactFields() {
  const anonymous = $('#anonymous').checked;
  const feedback = $('#wants-feedback').checked;
  $('#contact-fields').hidden = anonymous || !feedback;
}

/** The report as the intake API takes it; the informant's name and phone only when they are to be kept. */
function report() {
  const value = (name) => form.elements[name]?.value?.trim() || null;
  const checked = (name) => $$(`input[name="${name}"]:checked`, form).map((input) => input.value);
  const anonymous = $('#anonymous').checked;
  const feedback = $('#wants-feedback').checked;
  const age = value('child.ageYears');
  return {
    reportId: $('#reportId').value,
    receivedAt: receivedAt,
    channel: value('channel'),
    contactType: checked('contactType')[0] ?? null,
    concerns: checked('concerns'),
    severity: checked('severity')[0] ?? null,
    location: { provinceCode: value('location.provinceCode'), communeCode: value('location.communeCode') },
    child: { fullName: value('child.fullName'), sex: value('child.sex'), ageYears: age === null ? null : Number(age) },
    reporter: {
      fullName: anonymous || !feedback ? null : value('reporter.fullName'),
      phone: anonymous || !feedback ? null : value('reporter.phone'),
      relationship: value('reporter.relationship'),
      anonymous,
      wantsFeedback: feedback && !anonymous,
    },
    narrative: value('narrative'),
  };
}

function schedulePreview() {
  clearTimeout(previewTimer);
  previewTimer = setTimeout(preview, 300);
}

async function preview() {
  const target = $('#preview');
  const body = report();
  if (body.contactType !== 'INTERVENTION' || body.concerns.length === 0 || !body.location.provinceCode) {
    target.replaceChildren(paragraph(texts.previewEmpty, 'hint'));
    return;
  }
  const { status, body: data } = await postJson('/api/referral/v1/routing/preview', {
    receivedAt: body.receivedAt, contactType: body.contactType, concerns: body.concerns, severity: body.severity,
    location: body.location, child: { ageYears: body.child.ageYears },
  });
  if (status !== 200) {
    target.replaceChildren(paragraph(texts.previewFailed, 'hint'));
    return;
  }
  target.replaceChildren(referralTable(data.referrals ?? [], false),
    paragraph(data.escalation ? texts.coordinatorAlerted : texts.noEscalation, data.escalation ? 'alert' : 'hint'));
  if (data.triage?.required) target.append(paragraph(`${texts.triage}: ${data.triage.reasons.join('; ')}`, 'alert'));
}

/** The referrals as a table: the case's with their statuses, the preview's without. */
function referralTable(referrals, withStatus) {
  const headers = [texts.colAgency, withStatus ? texts.colStatus : null, texts.colUnit, texts.colBasis, texts.colDue];
  const element = table(headers.filter((text) => text !== null), referrals.map((r) => [
    `${name('agency', r.agency)} · ${name('role', r.role)}`, withStatus ? name('status', r.status) : null,
    r.unitId ?? '', r.policyDefault ? `${r.ruleId} (${texts.policyDefault})` : `${r.ruleId} — ${r.legalBasis ?? ''}`,
    when(r.dueAt)].filter((text) => text !== null)), 'referrals');
  [...element.tBodies[0].rows].forEach((row, index) => { row.dataset.agency = referrals[index].agency; });
  return element;
}

function clearErrors() {
  $$('.field-error', form).forEach((p) => { p.textContent = ''; });
  $$('[aria-invalid]', form).forEach((element) => element.removeAttribute('aria-invalid'));
}

/** Each problem next to its field: the error list of the API's problem details, in the order it gave. */
function showErrors(errors) {
  let first = null;
  errors.forEach(({ field, message }) => {
    const slot = $$('.field-error', form).find((p) => p.dataset.errorFor.split(' ')
      .some((name) => field === name || field.startsWith(`${name}[`) || field.startsWith(`${name}.`)))
      ?? $('.actions .field-error', form);
    slot.textContent = slot.textContent ? `${slot.textContent} ${message}` : message;
    const input = form.elements[field.replace(/\[\d+\]$/, '')];
    const element = input instanceof RadioNodeList ? input[0] : input;
    if (element?.setAttribute) {
      element.setAttribute('aria-invalid', 'true');
      first ??= element;
    }
  });
  (first ?? $('#submit')).focus();
}

async function submit(event) {
  event?.preventDefault();
  if (submitting) return;
  submitting = true;
  $('#submit').disabled = true;
  clearErrors();
  const result = $('#result');
  try {
    const { status, body: data } = await postJson('/api/intake/v1/reports', report());
    if (status === 202) {
      result.hidden = false;
      result.replaceChildren(paragraph(`${data.duplicate ? texts.duplicate : texts.submitted} ${data.caseId}`,
        'success'));
      result.dataset.caseId = data.caseId;
      result.focus?.();
      followCase(data.caseId);
    } else if (status === 400 && data?.errors) {
      showErrors(data.errors);
      result.hidden = false;
      result.replaceChildren(paragraph(texts.invalid, 'alert'));
    } else {
      result.hidden = false;
      result.replaceChildren(paragraph(status === 503 ? texts.unavailable : texts.failed, 'alert'));
    }
  } catch {
    result.hidden = false;
    result.replaceChildren(paragraph(texts.failed, 'alert'));
  } finally {
    submitting = false;
    $('#submit').disabled = false;
  }
}

/** The case's referrals as they change (issued → acknowledged → accepted …), read back every few seconds. */
async function followCase(caseId) {
  const result = $('#result');
  for (let round = 0; round < 120 && result.dataset.caseId === caseId; round++) {
    const { status, body: data } = await getJson(`/api/referral/v1/cases/${encodeURIComponent(caseId)}`);
    if (status === 200) {
      const table = referralTable(data.referrals ?? [], true);
      table.dataset.testid = 'case-referrals';
      $('table', result)?.remove();
      result.append(table);
    }
    await new Promise((resolve) => { setTimeout(resolve, status === 200 ? 5000 : 1000); });
  }
}

function startTimer() {
  const started = Date.now();
  const output = $('#call-timer');
  setInterval(() => {
    const seconds = Math.floor((Date.now() - started) / 1000);
    output.textContent = `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
  }, 1000);
}

// the report's id and the moment the call was taken: fixed when the form opens
$('#reportId').value = crypto.randomUUID();
const receivedAt = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

form.addEventListener('submit', submit);
form.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit(event);
});
form.addEventListener('change', schedulePreview);
$('#province').addEventListener('change', (event) => { loadCommunes(event.target.value).then(schedulePreview); });
$('#commune-filter').addEventListener('input', (event) => showCommunes(event.target.value));
$('#concern-filter').addEventListener('input', (event) => filterConcerns(event.target.value));
$('#anonymous').addEventListener('change', showContactFields);
$('#wants-feedback').addEventListener('change', showContactFields);
startTimer();
loadProvinces();
