// An agency officer's referrals (the relay narrows nothing: referral-service scopes the list to the officer's unit
// and the units under it). Tabs with counts, a countdown to each deadline, filters by concern, severity, commune and
// day; read again every 10 seconds, so a new referral appears without a reload.

import {
  $, $$, countdown, getJson, link, name, number, paragraph, placeName, referralOpen, table, texts, when,
  ZONE,
} from './common.js';

const open = (r) => referralOpen(r.status);
const overdue = (r) => open(r) && r.dueAt && Date.parse(r.dueAt) < Date.now();
const TABS = {
  new: (r) => r.status === 'ISSUED' && !overdue(r),
  progress: (r) => ['ACKNOWLEDGED', 'ACCEPTED', 'IN_PROGRESS'].includes(r.status) && !overdue(r),
  overdue: (r) => overdue(r),
  done: (r) => !open(r),
};
const day = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE });
let referrals = [];
let places = new Map();
let tab = 'new';

async function load() {
  const answer = await getJson('/api/referral/v1/referrals?size=200').catch(() => ({ ok: false }));
  if (!answer.ok) {
    $('#inbox-list').replaceChildren(paragraph(texts.failed, 'alert'));
    return;
  }
  referrals = answer.body.items ?? [];
  const named = await Promise.all(referrals.map(async (r) => [r.referralId, await placeName(r.location)]));
  places = new Map(named);
  communeChoices();
  render();
}

/** The commune filter offers the communes the referrals are in. */
function communeChoices() {
  const select = $('#filter-commune');
  const chosen = select.value;
  const communes = new Map(referrals.filter((r) => r.location?.communeCode)
    .map((r) => [r.location.communeCode, places.get(r.referralId)?.split(',')[0] ?? r.location.communeCode]));
  const options = [...communes].sort((a, b) => a[1].localeCompare(b[1], 'vi'))
    .map(([code, label]) => Object.assign(document.createElement('option'), { value: code, textContent: label }));
  select.replaceChildren(select.options[0], ...options);
  select.value = communes.has(chosen) ? chosen : '';
}

function render() {
  const concern = $('#filter-concern').value;
  const severity = $('#filter-severity').value;
  const commune = $('#filter-commune').value;
  const date = $('#filter-date').value;
  const shown = referrals.filter((r) => (!concern || (r.concerns ?? []).includes(concern))
    && (!severity || r.severity === severity) && (!commune || r.location?.communeCode === commune)
    && (!date || (r.issuedAt && day.format(new Date(r.issuedAt)) === date)));
  $$('.tab').forEach((button) => {
    button.querySelector('[data-count]').textContent = number(shown.filter(TABS[button.dataset.tab]).length);
  });
  const rows = shown.filter(TABS[tab]).sort((a, b) => Date.parse(a.dueAt ?? 0) - Date.parse(b.dueAt ?? 0));
  if (rows.length === 0) {
    $('#inbox-list').replaceChildren(paragraph(texts.empty, 'hint'));
    return;
  }
  const headers = [texts.colSeverity, texts.colConcerns, texts.colPlace, texts.colAgency, texts.colStatus,
    texts.colIssued, texts.colDue, ''];
  const list = table(headers, rows.map((r) => [name('severity', r.severity),
    (r.concerns ?? []).map((c) => name('concern', c)).join(', '), places.get(r.referralId) ?? '',
    `${name('agency', r.agency)} · ${name('role', r.role)}`, name('status', r.status), when(r.issuedAt),
    countdown(r.dueAt, open(r), texts).text, link(`/referrals/${encodeURIComponent(r.referralId)}`, texts.open)]),
  'referrals');
  [...list.tBodies[0].rows].forEach((row, index) => {
    row.dataset.referralId = rows[index].referralId;
    const due = countdown(rows[index].dueAt, open(rows[index]), texts);
    if (due.level) row.cells[6].className = `due ${due.level}`;
  });
  $('#inbox-list').replaceChildren(list);
}

function select(button) {
  $$('.tab').forEach((other) => {
    other.setAttribute('aria-selected', String(other === button));
    other.tabIndex = other === button ? 0 : -1;
  });
  tab = button.dataset.tab;
  render();
}

$$('.tab').forEach((button, index, all) => {
  button.addEventListener('click', () => select(button));
  button.addEventListener('keydown', (event) => {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (!step) return;
    const next = all[(index + step + all.length) % all.length];
    next.focus();
    select(next);
  });
});
['#filter-concern', '#filter-severity', '#filter-commune', '#filter-date']
  .forEach((id) => $(id).addEventListener('change', render));
load();
setInterval(load, 10000);
setInterval(render, 30000);
