// The operator's own reports of the last 24 hours: referral-service lists only those for an operator (the routing,
// no names, no narrative). Read again every 10 seconds, so the referrals' statuses follow the agencies' answers.

import { $, getJson, link, name, paragraph, placeName, table, texts, when } from './common.js';

async function load() {
  const answer = await getJson('/api/referral/v1/cases?size=100').catch(() => ({ ok: false }));
  if (!answer.ok) {
    $('#mine-list').replaceChildren(paragraph(texts.failed, 'alert'));
    return;
  }
  const cases = answer.body.items ?? [];
  if (cases.length === 0) {
    $('#mine-list').replaceChildren(paragraph(texts.empty, 'hint'));
    return;
  }
  const places = await Promise.all(cases.map((c) => placeName(c.location)));
  $('#mine-list').replaceChildren(table(
    [texts.colOpened, texts.colSeverity, texts.colConcerns, texts.colPlace, texts.colStatus, texts.colReferrals, ''],
    cases.map((c, i) => [when(c.openedAt), name('severity', c.severity),
      (c.concerns ?? []).map((k) => name('concern', k)).join(', '), places[i], name('caseStatus', c.status),
      (c.referrals ?? []).map((r) => `${name('agency', r.agency)}: ${name('status', r.status)}`).join('; '),
      link(`/cases/${encodeURIComponent(c.caseId)}`, texts.open)]),
  ));
}

load();
setInterval(load, 10000);
