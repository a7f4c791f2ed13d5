// The audit trail for auditors: filters (who, which case, which operation, allowed or refused, which days in
// Vietnam), pages of 50, the same selection as CSV, and the verification of every producer's hash chain.

import { $, getJson, number, paragraph, problemText, table, texts, when } from './common.js';

let page = 0;
let shown = [];

/** The selection as audit-service's query: days in Vietnam (UTC+7) as instants. */
function selection() {
  const form = $('#filters');
  const query = new URLSearchParams();
  ['actor', 'caseId', 'action', 'outcome'].forEach((field) => {
    if (form[field].value.trim()) query.set(field, form[field].value.trim());
  });
  if (form.from.value) query.set('from', `${form.from.value}T00:00:00+07:00`);
  if (form.to.value) {
    const next = new Date(`${form.to.value}T00:00:00+07:00`);
    next.setUTCDate(next.getUTCDate() + 1);
    query.set('to', next.toISOString());
  }
  return query;
}

async function load(more) {
  page = more ? page + 1 : 0;
  const query = selection();
  const csv = $('#audit-csv');
  if (csv) csv.href = `/api/audit/v1/audit?${new URLSearchParams([...query, ['format', 'csv']])}`;
  query.set('page', String(page));
  query.set('size', '50');
  $('#audit-error').textContent = '';
  const answer = await getJson(`/api/audit/v1/audit?${query}`);
  if (!answer.ok) {
    $('#audit-error').textContent = problemText(answer.body) || texts.failed;
    return;
  }
  const items = answer.body.items ?? [];
  shown = more ? shown.concat(items) : items;
  const total = answer.body.totalElements ?? answer.body.total ?? shown.length;
  $('#audit-list').replaceChildren(paragraph(`${texts.found} ${number(total)}`, 'hint'), shown.length
    ? table([texts.colAt, texts.colSubject, texts.colRoles, texts.colAction, texts.colResource, texts.colOutcome,
      texts.colReason], shown.map((r) => [when(r.occurredAt), r.subject ?? '',
      [r.roles, r.agency, r.unit].filter(Boolean).join(' · '), r.action, r.resource,
      `${r.outcome ?? ''} ${r.status ?? ''}`, r.reason ?? '']))
    : paragraph(texts.empty, 'hint'));
  $('#audit-more').hidden = shown.length >= total;
}

async function verify() {
  const answer = await getJson('/api/audit/v1/audit/verification');
  const v = answer.body ?? {};
  $('#audit-verification').textContent = answer.ok
    ? `${v.intact ? texts.intact : texts.broken} (${number(v.producers)} · ${number(v.records)})`
    : texts.failed;
}

$('#filters').addEventListener('submit', (event) => { event.preventDefault(); load(false); });
$('#audit-more').addEventListener('click', () => load(true));
$('#audit-verify')?.addEventListener('click', verify);
load(false);
