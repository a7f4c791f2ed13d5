// The coordinator's province (referral-service, notification-service and reporting-service each narrow what they
// answer to the coordinator's provinces): the triage queue, escalations with their 12-hour and 5-working-day clocks,
// overdue referrals, failed notifications with re-send, and the case search. Read again every 15 seconds.

import {
  $, caseOpen, countdown, getJson, link, name, number, paragraph, placeName, postJson, problemText, span, table,
  texts, when,
} from './common.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const caseLink = (caseId) => link(`/cases/${encodeURIComponent(caseId)}`, texts.open);
const concerns = (list) => (list ?? []).map((c) => name('concern', c)).join(', ');

function show(target, count, rows) {
  if (count !== null) $(`[data-count="${target}"]`).textContent = `(${number(count)})`;
  $(`#${target}`).replaceChildren(rows.length ? rows[0] : paragraph(texts.empty, 'hint'));
}

async function casesTable(items) {
  const places = await Promise.all(items.map((c) => placeName(c.location)));
  return table([texts.colOpened, texts.colSeverity, texts.colConcerns, texts.colPlace, texts.colStatus,
    texts.colReferrals, ''], items.map((c, i) => [when(c.openedAt), name('severity', c.severity),
    concerns(c.concerns), places[i], name('caseStatus', c.status),
    (c.referrals ?? []).map((r) => `${name('agency', r.agency)}: ${name('status', r.status)}`).join('; '),
    caseLink(c.caseId)]));
}

async function triage() {
  const answer = await getJson('/api/referral/v1/cases?triage=true&size=50');
  if (!answer.ok) return $('#triage').replaceChildren(paragraph(texts.failed, 'alert'));
  const items = (answer.body.items ?? []).filter((c) => caseOpen(c.status));
  return show('triage', items.length, items.length ? [await casesTable(items)] : []);
}

/** An escalation's clocks: each deadline's countdown while the case is open, else met. */
function clocks(c) {
  const list = document.createElement('ul');
  list.className = 'plain';
  (c.escalations ?? []).flatMap((e) => e.deadlines ?? []).filter((d) => d.kind !== 'ACKNOWLEDGEMENT').forEach((d) => {
    const due = countdown(d.dueAt, caseOpen(c.status), texts);
    const item = document.createElement('li');
    item.textContent = `${name('deadline', d.kind)}: ${when(d.dueAt)} ${due.text || texts.met}`;
    if (due.level) item.className = `due ${due.level}`;
    list.append(item);
  });
  return list;
}

async function escalations() {
  const answer = await getJson('/api/referral/v1/cases?escalated=true&size=50');
  if (!answer.ok) return $('#escalations').replaceChildren(paragraph(texts.failed, 'alert'));
  const items = (answer.body.items ?? []).filter((c) => caseOpen(c.status));
  const places = await Promise.all(items.map((c) => placeName(c.location)));
  return show('escalations', items.length, items.length ? [table([texts.colOpened, texts.colSeverity,
    texts.colPlace, texts.colStatus, texts.colClocks, ''], items.map((c, i) => [when(c.openedAt),
    name('severity', c.severity), places[i], name('caseStatus', c.status), clocks(c), caseLink(c.caseId)]))] : []);
}

async function overdue() {
  const answer = await getJson('/api/reporting/v1/stats/overdue');
  if (!answer.ok) return $('#overdue').replaceChildren(paragraph(texts.failed, 'alert'));
  const rows = answer.body.rows ?? [];
  return show('overdue', rows.length, rows.length ? [table([texts.colSeverity, texts.colAgency, texts.colDeadline,
    texts.colOverdue, ''], rows.map((r) => [name('severity', r.severity), `${name('agency', r.agency)} · ${r.unitId}`,
    `${name('deadline', r.deadline)}: ${when(r.dueAt)}`, span(r.overdueMinutes * 60000), caseLink(r.caseId)]))]
    : []);
}

async function resend(notificationId, button) {
  button.disabled = true;
  const answer = await postJson(`/api/notification/v1/notifications/${encodeURIComponent(notificationId)}/retry`);
  button.disabled = false;
  button.closest('td').querySelector('output').textContent = answer.ok ? texts.resent
    : `${texts.failed} ${problemText(answer.body)}`;
  if (answer.ok) setTimeout(failed, 1500);
}

async function failed() {
  const answer = await getJson('/api/notification/v1/notifications?status=FAILED&size=50');
  if (!answer.ok) return $('#failed').replaceChildren(paragraph(texts.failed, 'alert'));
  const items = answer.body.items ?? [];
  return show('failed', answer.body.totalElements ?? items.length, items.length ? [table([texts.colCreated,
    texts.colKind, texts.colRecipient, texts.colAttempts, texts.colError, ''], items.map((n) => {
    const cell = document.createElement('div');
    const button = Object.assign(document.createElement('button'), { type: 'button', className: 'button secondary',
      textContent: texts.resend });
    button.dataset.notificationId = n.notificationId;
    button.addEventListener('click', () => resend(n.notificationId, button));
    cell.append(button, document.createElement('output'), ' ', caseLink(n.caseId));
    return [when(n.createdAt), `${name('notificationKind', n.kind)} · ${name('channel', n.channel)}`,
      [name('agency', n.agency), name('recipient', n.recipientRole), n.areaCode].filter(Boolean).join(' · '), number(n.attempts),
      n.lastError ?? '', cell];
  }))] : []);
}

async function provinces() {
  const picker = await fetch('/areas', { credentials: 'same-origin' }).then((r) => r.json());
  $('#search-province').append(...(picker.provinces ?? []).map((p) => Object.assign(document.createElement('option'),
    { value: p.code, textContent: p.fullName ?? p.name })));
}

async function communes() {
  const province = $('#search-province').value;
  const select = $('#search-commune');
  select.replaceChildren(select.options[0]);
  if (!province) return;
  const picker = await fetch(`/areas?province=${encodeURIComponent(province)}`, { credentials: 'same-origin' })
    .then((r) => r.json());
  select.append(...(picker.communes ?? []).map((c) => Object.assign(document.createElement('option'),
    { value: c.code, textContent: c.fullName ?? c.name })));
}

async function search(event) {
  event.preventDefault();
  const form = event.target;
  $('#search-error').textContent = '';
  const caseId = form.caseId.value.trim();
  if (caseId) {
    if (UUID.test(caseId)) window.location.assign(`/cases/${encodeURIComponent(caseId)}`);
    else $('#search-error').textContent = texts.badId;
    return;
  }
  const query = new URLSearchParams({ size: '100' });
  ['commune', 'concern', 'status', 'from', 'to'].forEach((field) => {
    if (form[field].value) query.set(field, form[field].value);
  });
  const answer = await getJson(`/api/referral/v1/cases?${query}`);
  if (!answer.ok) {
    $('#search-error').textContent = problemText(answer.body) || texts.failed;
    return;
  }
  const items = answer.body.items ?? [];
  $('#results').replaceChildren(paragraph(`${texts.found} ${number(answer.body.total ?? items.length)}`, 'hint'),
    items.length ? await casesTable(items) : paragraph(texts.empty, 'hint'));
}

function refresh() {
  return Promise.all([triage(), escalations(), overdue(), failed()]).catch(() => {});
}

$('#search').addEventListener('submit', search);
$('#search-province').addEventListener('change', communes);
provinces();
refresh();
setInterval(refresh, 15000);
