// One referral as its agency needs it to act: the case brief, the routing and its legal basis, the deadlines, the
// history of responses, and the actions the state machine allows now. An answer goes through the relay with the
// page's CSRF token; the agency answering is the credential's (referral-service takes it from the token).

import { $, $$, facts, getJson, name, paragraph, placeName, postJson, problemText, texts, when } from './common.js';

const referralId = $('meta[name="referral-id"]').content;
let state = null;

async function load() {
  const answer = await getJson(`/api/referral/v1/referrals/${encodeURIComponent(referralId)}`);
  if (answer.status === 404) {
    $('#main h1').after(paragraph(texts.notFound, 'alert'));
    $('#respond').hidden = true;
    return;
  }
  if (!answer.ok) {
    $('#respond-result').textContent = texts.failed;
    return;
  }
  state = answer.body;
  await render();
}

function deadline(d) {
  const parts = [`${name('deadline', d.kind)}: ${when(d.dueAt)}`, name('deadlineState', d.state)];
  if (d.metAt) parts.push(`${texts.metAt} ${when(d.metAt)}`);
  else if (d.escalateAt) parts.push(`${texts.escalateAt} ${when(d.escalateAt)}`);
  if (d.legalBasis) parts.push(d.legalBasis); else if (d.policyDefault) parts.push(texts.policyDefault);
  return parts.join(' · ');
}

async function render() {
  const { referral, brief } = state;
  const child = brief?.child ? [brief.child.fullName, name('sex', brief.child.sex), brief.child.ageYears]
    .filter((v) => v !== null && v !== undefined && v !== '').join(', ') : '';
  facts($('#brief'), [
    [texts.severity, name('severity', brief?.severity)],
    [texts.concerns, (brief?.concerns ?? []).map((c) => name('concern', c)).join(', ')],
    [texts.child, child],
    [texts.place, await placeName(brief?.location)],
    [texts.received, when(brief?.receivedAt)],
    [texts.narrative, brief?.narrative],
  ]);
  const deadlines = document.createElement('ul');
  deadlines.className = 'plain';
  deadlines.append(...(referral.deadlines ?? []).map((d) => Object.assign(document.createElement('li'),
    { textContent: deadline(d) })));
  facts($('#routing'), [
    [texts.agency, `${name('agency', referral.agency)} · ${name('role', referral.role)} · ${referral.unitId ?? ''}`],
    [texts.basis, referral.policyDefault ? `${referral.ruleId} (${texts.policyDefault})`
      : `${referral.ruleId} — ${referral.legalBasis}`],
    [texts.deadlines, deadlines],
    [texts.status, name('status', referral.status)],
  ]);
  $('[data-testid="status"]')?.remove();
  const action = $('#action');
  const allowed = referral.allowedActions ?? [];
  action.replaceChildren(...allowed.map((a) => Object.assign(document.createElement('option'), { value: a,
    textContent: name('action', a) })));
  $('#respond').hidden = allowed.length === 0;
  $('#no-actions').hidden = allowed.length > 0;
  showFields();
  $('#history').replaceChildren(...(referral.history ?? []).map((h) => Object.assign(document.createElement('li'), {
    textContent: [when(h.respondedAt), name('action', h.action),
      `${name('status', h.from)} → ${name('status', h.to)}`, h.reasonCode ? name('reasonCode', h.reasonCode) : null,
      h.reason, h.note, h.forwardTo ? `→ ${name('agency', h.forwardTo)}` : null,
      h.outcome ? name('outcome', h.outcome) : null].filter(Boolean).join(' · '),
  })));
  document.body.dataset.status = referral.status;
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
  const button = $('[data-testid="respond"]');
  button.disabled = true;
  const answer = await postJson(`/api/referral/v1/referrals/${encodeURIComponent(referralId)}/responses`, body)
    .catch(() => ({ ok: false, status: 0, body: null }));
  button.disabled = false;
  if (answer.ok) {
    form.reset();
    $('#respond-result').textContent = `${texts.doneOk} ${name('action', action)}`;
    await load();
    return;
  }
  // another person acted first, or the answer is not allowed now: say so, and show the referral as it is
  const code = answer.body?.code;
  const why = code && name('rejection', code) !== code ? name('rejection', code) : problemText(answer.body);
  $('#respond-result').textContent = `${answer.status === 409 ? texts.refused : texts.failed} ${why}`;
  $('#respond-result').dataset.code = code ?? '';
  await load();
}

$('#action').addEventListener('change', showFields);
$('#respond').addEventListener('submit', respond);
load();
