// One case. A coordinator of its province reads it whole but for the informant: the referrals with their statuses and
// each one's history, the escalations and their clocks, the notifications sent (a failed one can be sent again), and
// the informant's contact on a written reason (the reveal is audited by referral-service before it answers; the
// contact is shown in the page only, never kept). An operator sees the routing of a case it submitted that day.

import {
  $, caseOpen, countdown, facts, getJson, name, number, paragraph, placeName, postJson, problemText, referralOpen,
  table, texts, when,
} from './common.js';

const caseId = $('meta[name="case-id"]').content;
const may = new Set((document.body.dataset.may ?? '').split(' '));

async function load() {
  const answer = await getJson(`/api/referral/v1/cases/${encodeURIComponent(caseId)}`);
  if (answer.status === 404) {
    $('#main h1').after(paragraph(texts.notFound, 'alert'));
    return;
  }
  if (!answer.ok) {
    $('#main h1').after(paragraph(texts.failed, 'alert'));
    return;
  }
  const c = answer.body;
  document.body.dataset.caseStatus = c.status;
  const child = c.child ? [c.child.fullName, name('sex', c.child.sex), c.child.ageYears]
    .filter((v) => v !== null && v !== undefined && v !== '').join(', ') : '';
  facts($('#case-facts'), [
    [texts.status, name('caseStatus', c.status)],
    [texts.contact, name('contact', c.contactType)],
    [texts.severity, name('severity', c.severity)],
    [texts.concerns, (c.concerns ?? []).map((k) => name('concern', k)).join(', ')],
    [texts.place, await placeName(c.location)],
    [texts.child, child],
    [texts.received, when(c.receivedAt)],
    [texts.narrative, c.narrative],
    [texts.ruleset, c.rulesetVersion],
    [texts.triage, c.triage?.required ? (c.triage.reasons ?? []).join('; ') : ''],
  ]);
  await referrals(c);
  escalations(c);
}

async function referrals(c) {
  const rows = c.referrals ?? [];
  const states = may.has('READ_REFERRAL')
    ? await Promise.all(rows.map((r) => getJson(`/api/referral/v1/referrals/${encodeURIComponent(r.referralId)}`)
      .then((a) => (a.ok ? a.body.referral : null)).catch(() => null)))
    : rows.map(() => null);
  const sections = rows.map((r, i) => {
    const item = document.createElement('section');
    item.className = 'referral-line';
    item.dataset.referralId = r.referralId;
    item.dataset.agency = r.agency;
    item.dataset.status = r.status;
    const heading = Object.assign(document.createElement('h3'), {
      textContent: `${name('agency', r.agency)} · ${name('role', r.role)} — ${name('status', r.status)}`,
    });
    const due = countdown(r.dueAt, referralOpen(r.status), texts);
    const details = document.createElement('dl');
    details.className = 'facts';
    facts(details, [
      [texts.colUnit, r.unitId],
      [texts.colBasis, r.policyDefault ? `${r.ruleId} (${texts.policyDefault})` : `${r.ruleId} — ${r.legalBasis}`],
      [texts.colDue, r.dueAt ? `${when(r.dueAt)} ${due.text}` : ''],
      [texts.status, r.forwardedFrom ? `${name('status', r.status)} ← ${r.forwardedFrom}` : ''],
    ]);
    item.append(heading, details);
    const history = states[i]?.history ?? [];
    if (history.length) {
      const timeline = document.createElement('ol');
      timeline.className = 'timeline';
      timeline.append(...history.map((h) => Object.assign(document.createElement('li'), {
        textContent: [when(h.respondedAt), name('action', h.action), `${name('status', h.from)} → ${name('status', h.to)}`,
          h.reasonCode ? name('reasonCode', h.reasonCode) : null, h.reason, h.note,
          h.forwardTo ? `→ ${name('agency', h.forwardTo)}` : null, h.outcome ? name('outcome', h.outcome) : null]
          .filter(Boolean).join(' · '),
      })));
      item.append(timeline);
    }
    return item;
  });
  $('#case-referrals').replaceChildren(...(sections.length ? sections : [paragraph(texts.empty, 'hint')]));
}

function escalations(c) {
  const list = (c.escalations ?? []).map((e) => {
    const block = document.createElement('div');
    block.append(paragraph(`${name('severity', e.severity)} — ${e.reason}`, ''));
    const clocks = document.createElement('ul');
    clocks.className = 'plain';
    clocks.append(...(e.deadlines ?? []).map((d) => {
      const due = countdown(d.dueAt, caseOpen(c.status), texts);
      const li = Object.assign(document.createElement('li'), {
        textContent: `${name('deadline', d.kind)}: ${when(d.dueAt)} ${due.text || texts.met}`
          + ` (${d.legalBasis ?? texts.policyDefault})`,
      });
      if (due.level) li.className = `due ${due.level}`;
      return li;
    }));
    block.append(clocks);
    return block;
  });
  $('#case-escalations').replaceChildren(...(list.length ? list : [paragraph(texts.empty, 'hint')]));
}

async function notifications() {
  if (!may.has('LIST_NOTIFICATIONS')) return;
  const answer = await getJson(`/api/notification/v1/notifications?caseId=${encodeURIComponent(caseId)}&size=100`);
  if (!answer.ok) {
    $('#case-notifications').replaceChildren(paragraph(texts.failed, 'alert'));
    return;
  }
  const items = answer.body.items ?? [];
  $('#case-notifications').replaceChildren(items.length ? table([texts.colCreated, texts.colKind,
    texts.colRecipient, texts.status, texts.colAttempts, texts.colError, ''], items.map((n) => {
    const cell = document.createElement('div');
    if (n.status === 'FAILED' && may.has('RETRY_NOTIFICATION')) {
      const button = Object.assign(document.createElement('button'), { type: 'button',
        className: 'button secondary', textContent: texts.resend });
      button.dataset.notificationId = n.notificationId;
      const output = document.createElement('output');
      button.addEventListener('click', async () => {
        button.disabled = true;
        const sent = await postJson(`/api/notification/v1/notifications/${encodeURIComponent(n.notificationId)}/retry`);
        output.textContent = sent.ok ? texts.resent : `${texts.failed} ${problemText(sent.body)}`;
        button.disabled = false;
      });
      cell.append(button, output);
    }
    return [when(n.createdAt), `${name('notificationKind', n.kind)} · ${name('channel', n.channel)}`,
      [name('agency', n.agency), name('recipient', n.recipientRole), n.recipient].filter(Boolean).join(' · '),
      name('notificationStatus', n.status), number(n.attempts), n.lastError ?? '', cell];
  })) : paragraph(texts.empty, 'hint'));
}

async function reveal(event) {
  event.preventDefault();
  const reason = event.target.reason;
  $('#reveal-error').textContent = '';
  reason.removeAttribute('aria-invalid');
  const answer = await postJson(`/api/referral/v1/cases/${encodeURIComponent(caseId)}/informant-reveal`,
    { reason: reason.value.trim() });
  if (!answer.ok) {
    reason.setAttribute('aria-invalid', 'true');
    $('#reveal-error').textContent = problemText(answer.body) || texts.failed;
    return;
  }
  const informant = answer.body ?? {};
  facts($('#informant'), [
    [texts.informantName, informant.fullName],
    [texts.informantPhone, informant.phone],
    [texts.informantRelationship, name('relationship', informant.relationship)],
    [texts.informantAnonymous, informant.anonymous ? '✓' : ''],
  ]);
}

// erasure of the case's personal data on a written reason, confirmed (audited by referral-service before it erases)
async function erase(event) {
  event.preventDefault();
  const form = event.target;
  $('#erase-error').textContent = '';
  $('#erase-result').textContent = '';
  form.reason.removeAttribute('aria-invalid');
  if (!form.confirm.checked) {
    $('#erase-error').textContent = texts.confirmFirst;
    form.confirm.focus();
    return;
  }
  const answer = await postJson(`/api/referral/v1/cases/${encodeURIComponent(caseId)}/erasure`,
    { reason: form.reason.value.trim() });
  if (!answer.ok) {
    form.reason.setAttribute('aria-invalid', 'true');
    $('#erase-error').textContent = problemText(answer.body) || texts.failed;
    return;
  }
  $('#erase-result').textContent = answer.body?.alreadyErased ? texts.erasedAlready : texts.erased;
  form.reset();
  $('#informant')?.replaceChildren();
  load();
}

$('#reveal')?.addEventListener('submit', reveal);
$('#erase')?.addEventListener('submit', erase);
load();
notifications();
setInterval(() => { load(); notifications(); }, 15000);
