// One referral as its agency needs it to act: the case brief, the routing and its legal basis, the deadlines, the
// history of responses, and the actions the state machine allows now. An answer goes through the relay with the
// page's CSRF token; the agency answering is the credential's (referral-service takes it from the token).

const $ = (selector, root = document) => root.querySelector(selector);
const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];
const texts = $('#texts').dataset;
const names = Object.fromEntries($$('#names li').map((li) => [li.dataset.code, li.textContent.trim()]));
const csrf = { header: $('meta[name="csrf-header"]').content, token: $('meta[name="csrf-token"]').content };
const referralId = $('meta[name="referral-id"]').content;
const lang = document.documentElement.lang;
let state = null;

const name = (kind, code) => names[`${kind}:${code}`] ?? code ?? '';
const when = (instant) => (instant ? new Date(instant).toLocaleString(lang, { timeZone: 'Asia/Ho_Chi_Minh' }) : '');

function facts(target, pairs) {
  target.replaceChildren(...pairs.filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([label, value]) => {
      const div = document.createElement('div');
      const dt = document.createElement('dt');
      const dd = document.createElement('dd');
      dt.textContent = label;
      dd.textContent = value;
      div.append(dt, dd);
      return div;
    }));
}

async function load() {
  const response = await fetch(`/api/referral/v1/referrals/${encodeURIComponent(referralId)}`,
    { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (response.status === 404) {
    $('#main h1').after(Object.assign(document.createElement('p'), { className: 'alert', textContent: texts.notFound }));
    return;
  }
  state = await response.json();
  render();
}

function render() {
  const { referral, brief } = state;
  facts($('#brief'), [
    [texts.severity, name('severity', brief?.severity)],
    [texts.concerns, (brief?.concerns ?? []).map((c) => name('concern', c)).join(', ')],
    [texts.child, brief?.child ? [brief.child.fullName, name('sex', brief.child.sex), brief.child.ageYears].filter((v) => v !== null
      && v !== undefined).join(', ') : ''],
    [texts.place, [brief?.location?.communeCode, brief?.location?.provinceCode].filter(Boolean).join(', ')],
    [texts.received, when(brief?.receivedAt)],
    [texts.narrative, brief?.narrative],
  ]);
  facts($('#routing'), [
    [texts.agency, `${name('agency', referral.agency)} · ${name('role', referral.role)} · ${referral.unitId ?? ''}`],
    [texts.basis, referral.policyDefault ? `${referral.ruleId} (${texts.policyDefault})`
      : `${referral.ruleId} — ${referral.legalBasis}`],
    [texts.deadlines, (referral.deadlines ?? []).map((d) => `${d.kind} ${when(d.dueAt)} (${d.state})`).join('; ')],
    [texts.status, name('status', referral.status)],
  ]);
  const action = $('#action');
  const allowed = referral.allowedActions ?? [];
  action.replaceChildren(...allowed.map((a) => Object.assign(document.createElement('option'), { value: a,
    textContent: name('action', a) })));
  $('#respond').hidden = allowed.length === 0;
  if (allowed.length === 0) $('#respond-result').textContent = texts.done;
  showFields();
  $('#history').replaceChildren(...(referral.history ?? []).map((h) => {
    const li = document.createElement('li');
    li.textContent = [when(h.respondedAt), name('action', h.action),
      `${name('status', h.from)} → ${name('status', h.to)}`, h.reason, h.note,
      h.forwardTo ? `→ ${name('agency', h.forwardTo)}` : null, h.outcome ? name('outcome', h.outcome) : null]
      .filter(Boolean).join(' · ');
    return li;
  }));
}

function showFields() {
  const chosen = $('#action').value;
  $$('#respond [data-for]').forEach((div) => { div.hidden = !div.dataset.for.split(' ').includes(chosen); });
}

async function respond(event) {
  event.preventDefault();
  const form = event.target;
  const action = $('#action').value;
  const body = {
    responseId: `console-${crypto.randomUUID()}`, caseId: state.caseId, action,
    occurredAt: new Date().toISOString(), note: form.note.value.trim() || null,
  };
  if (action === 'DECLINED' || action === 'FORWARDED') {
    body.reasonCode = form.reasonCode.value;
    body.reason = form.reason.value.trim() || null;
  }
  if (action === 'FORWARDED') body.forwardTo = form.forwardTo.value;
  if (action === 'COMPLETED') body.outcome = form.outcome.value;
  const response = await fetch(`/api/referral/v1/referrals/${encodeURIComponent(referralId)}/responses`, {
    method: 'POST', credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', [csrf.header]: csrf.token },
    body: JSON.stringify(body),
  });
  const answer = await response.json().catch(() => null);
  if (response.ok) {
    form.reset();
    await load();
    return;
  }
  // another person acted first, or the answer is not allowed now: say so, and show the referral as it is
  const details = answer?.errors?.map((e) => `${e.field}: ${e.message}`).join('; ') ?? answer?.detail ?? '';
  $('#respond-result').textContent = `${response.status === 409 ? texts.refused : texts.failed} ${details}`;
  await load();
}

$('#action').addEventListener('change', showFields);
$('#respond').addEventListener('submit', respond);
load();
