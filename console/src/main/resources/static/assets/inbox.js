// An agency officer's referrals (the relay narrows nothing: referral-service scopes the list to the officer's unit
// and the units under it). Tabs with counts, a countdown to each deadline, filters; read again every 10 seconds.

const $ = (selector, root = document) => root.querySelector(selector);
const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];
const texts = $('#texts').dataset;
const names = (id) => Object.fromEntries($$(`#${id} li`).map((li) => [li.dataset.code, li.textContent.trim()]));
const agencyNames = names('agency-names');
const statusNames = names('status-names');
const concernNames = names('concern-names');
const severityNames = names('severity-names');
const TABS = {
  new: (r) => r.status === 'ISSUED' && !overdue(r),
  progress: (r) => ['ACKNOWLEDGED', 'ACCEPTED', 'IN_PROGRESS'].includes(r.status) && !overdue(r),
  overdue: (r) => overdue(r),
  done: (r) => ['COMPLETED', 'DECLINED', 'FORWARDED'].includes(r.status),
};
let referrals = [];
let tab = 'new';

function open(r) {
  return !['COMPLETED', 'DECLINED', 'FORWARDED'].includes(r.status);
}

function overdue(r) {
  return open(r) && r.dueAt && Date.parse(r.dueAt) < Date.now();
}

function countdown(r) {
  if (!open(r) || !r.dueAt) return { text: '', level: '' };
  const left = Date.parse(r.dueAt) - Date.now();
  const minutes = Math.round(Math.abs(left) / 60000);
  const span = minutes >= 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min`;
  if (left < 0) return { text: `${texts.overdueBy} ${span}`, level: 'late' };
  return { text: `${texts.dueIn} ${span}`, level: left < 60 * 60000 ? 'soon' : '' };
}

async function load() {
  try {
    const response = await fetch('/api/referral/v1/referrals?size=200', { headers: { Accept: 'application/json' },
      credentials: 'same-origin' });
    if (!response.ok) throw new Error(String(response.status));
    referrals = (await response.json()).items ?? [];
    render();
  } catch {
    $('#inbox-list').replaceChildren(paragraph(texts.failed, 'alert'));
  }
}

function paragraph(text, className) {
  const p = document.createElement('p');
  p.className = className;
  p.textContent = text;
  return p;
}

function render() {
  const concern = $('#filter-concern').value;
  const severity = $('#filter-severity').value;
  const shown = referrals.filter((r) => (!concern || (r.concerns ?? []).includes(concern))
    && (!severity || r.severity === severity));
  $$('.tab').forEach((button) => {
    button.querySelector('[data-count]').textContent = String(shown.filter(TABS[button.dataset.tab]).length);
  });
  const rows = shown.filter(TABS[tab]).sort((a, b) => Date.parse(a.dueAt ?? 0) - Date.parse(b.dueAt ?? 0));
  if (rows.length === 0) {
    $('#inbox-list').replaceChildren(paragraph(texts.empty, 'hint'));
    return;
  }
  const table = document.createElement('table');
  table.className = 'referrals';
  rows.forEach((r) => {
    const row = table.insertRow();
    row.dataset.referralId = r.referralId;
    const link = document.createElement('a');
    link.href = `/referrals/${encodeURIComponent(r.referralId)}`;
    link.textContent = texts.open;
    const due = countdown(r);
    [severityNames[r.severity] ?? r.severity, (r.concerns ?? []).map((c) => concernNames[c] ?? c).join(', '),
      r.location?.communeCode ?? r.location?.provinceCode ?? '', agencyNames[r.agency] ?? r.agency,
      statusNames[r.status] ?? r.status].forEach((text) => { row.insertCell().textContent = text; });
    const cell = row.insertCell();
    cell.textContent = due.text;
    if (due.level) cell.className = `due ${due.level}`;
    row.insertCell().append(link);
  });
  $('#inbox-list').replaceChildren(table);
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
$('#filter-concern').addEventListener('change', render);
$('#filter-severity').addEventListener('change', render);
load();
setInterval(load, 10000);
setInterval(render, 30000);
