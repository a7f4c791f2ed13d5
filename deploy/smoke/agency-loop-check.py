#!/usr/bin/env python3
"""The agency loop through the running platform, end to end, with a plain Kafka client (kcat).

Every kcat call connects as the agency system it plays, with the credentials ./platform credentials prints
(SASL/SCRAM over TLS; the broker's ACLs let each system read only its own referral topic and write only its own
answer topic).

1. A HIGH report reaches the Điện Biên police's topic referrals.police.11.v1 (read with kcat as police-11-system).
2. ACCEPTED then COMPLETED responses, produced with kcat on each agency's answer topic for every referral that must act
   (PRIMARY and SUPPORTING), move the case to COMPLETED; the informant, who asked for feedback, gets the outcome SMS
   (OUTCOME_TO_INFORMANT DELIVERED, exactly once in the SMS sink).
3. A FORWARDED response creates a referral on the new agency's topic (forwardedFrom = the forwarded referral) and the
   coordinator is told (FORWARDED notifications).
4. An unanswered referral becomes overdue: ReferralOverdue REMINDER then ESCALATED on case.events.v1, and the
   OVERDUE_REMINDER and ESCALATION notifications are delivered. Needs short deadlines:

   REFERRAL_DEADLINES_ACKNOWLEDGEMENT_HIGH_DURATION=PT20S REFERRAL_DEADLINES_ESCALATIONGRACE=PT20S \
   REFERRAL_WATCHDOG_INTERVAL=PT5S ./platform up -d && deploy/smoke/agency-loop-check.py

Needs kcat (Debian: apt-get install kcat).
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import uuid
from datetime import datetime, timedelta, timezone

from platform_api import ROOT, call

PROVINCE = "11"
INTAKE = "http://127.0.0.1:8081/api/v1/reports"
REFERRAL = "http://127.0.0.1:8082/api/v1"
NOTIFICATIONS = "http://127.0.0.1:8083/api/v1/notifications"
SMS_SINK = "http://127.0.0.1:8083/sinks/sms"
PHONE = "0912 345 678"



def wait_for(what, probe, timeout=90):
    deadline, last = time.monotonic() + timeout, None
    while time.monotonic() < deadline:
        try:
            last = probe()
            if last:
                return last
        except urllib.error.HTTPError as e:
            if e.code != 404:
                raise
        time.sleep(0.5)
    sys.exit(f"FAILED: {what} (waited {timeout} s; last seen: {last})")


def post_report(concern, wants_feedback):
    received = datetime.now(timezone(timedelta(hours=7)))
    body = {
        "reportId": str(uuid.uuid4()), "receivedAt": received.isoformat(timespec="seconds"),
        "channel": "HOTLINE_111", "contactType": "INTERVENTION", "concerns": [concern], "severity": "HIGH",
        "location": {"provinceCode": "11", "communeCode": "03127"},
        "child": {"fullName": "Lò Thị Mai", "sex": "FEMALE", "ageYears": 9},
        "reporter": {"fullName": "Quàng Văn Sơn", "phone": PHONE, "relationship": "NEIGHBOUR",
                     "anonymous": False, "wantsFeedback": wants_feedback},
        "narrative": "Hàng xóm nghe tiếng cháu bé kêu khóc và thấy vết bầm trên tay cháu.",
    }
    status, answer = call(INTAKE, body)
    assert status == 202, (status, answer)
    case_id = answer["caseId"]
    case = wait_for("case opened in referral-service", lambda: call(f"{REFERRAL}/cases/{case_id}")[1])
    return case_id, case


_credentials = {}


def credentials(principal):
    """A librdkafka properties file with the principal's credentials (./platform credentials), for kcat -F."""
    if principal not in _credentials:
        text = subprocess.run([os.path.join(ROOT, "platform"), "credentials", principal], capture_output=True,
                              text=True, check=True).stdout
        handle, path = tempfile.mkstemp(prefix="kafka-", suffix=".properties")
        with os.fdopen(handle, "w") as f:
            f.write(text)
        _credentials[principal] = path
    return _credentials[principal]


def segment(agency):
    return agency.lower().replace("_", "-")


def referral_records(agency, key):
    """Values of every record with this key on the agency's referral topic, read as that agency's system."""
    return kcat_records(f"referrals.{segment(agency)}.{PROVINCE}.v1", key, f"{segment(agency)}-{PROVINCE}-system")


def kcat_records(topic, key, principal):
    """Values of every record with this key on a topic, read from the beginning with kcat as the principal."""
    out = subprocess.run(["kcat", "-F", credentials(principal), "-C", "-t", topic,
                          "-o", "beginning", "-e", "-q", "-f", "%k\t%s\n"], capture_output=True, text=True,
                         timeout=60)
    values = []
    for line in out.stdout.splitlines():
        k, _, v = line.partition("\t")
        if k == key:
            values.append(json.loads(v))
    return values


def respond(case_id, referral, action, **extra):
    response = {"responseId": f"smoke-{uuid.uuid4()}", "referralId": referral["referralId"], "caseId": case_id,
                "agency": referral["agency"], "action": action,
                "occurredAt": datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")}
    response.update(extra)
    agency = segment(referral["agency"])
    subprocess.run(["kcat", "-F", credentials(f"{agency}-{PROVINCE}-system"), "-P",
                    "-t", f"agency.responses.{agency}.{PROVINCE}.v1", "-k", case_id],
                   input=json.dumps(response, ensure_ascii=False), text=True, check=True, timeout=30)


def notifications(case_id):
    return call(f"{NOTIFICATIONS}?caseId={case_id}&size=100", user="coordinator-11")[1]


def delivered(case_id, kind):
    items = notifications(case_id)
    items = items.get("items", items) if isinstance(items, dict) else items
    return [n for n in items if n["kind"] == kind and n["status"] == "DELIVERED"]


def main():
    if not shutil.which("kcat"):
        sys.exit("kcat not found: apt-get install kcat")
    started = time.monotonic()

    # 1 + 2: HIGH report → police topic; ACCEPTED + COMPLETED → case COMPLETED → informant told once
    case_id, case = post_report("VIOLENCE", wants_feedback=True)
    police = wait_for("AgencyReferral on referrals.police.11.v1", lambda: referral_records("POLICE", case_id), 30)
    assert "reporter" not in police[0] and PHONE not in json.dumps(police[0]), "informant leaked to the agency"
    print(f"1. HIGH report {case_id}: {len(case['referrals'])} referrals; on referrals.police.11.v1 "
          f"{police[0]['eventType']} {police[0]['referralId']} due {police[0].get('dueAt')}")
    acting = [r for r in case["referrals"] if r["role"] != "INFORMED"]
    for referral in acting:
        respond(case_id, referral, "ACCEPTED")
        respond(case_id, referral, "COMPLETED", outcome="SUPPORT_PROVIDED",
                note="Ghi chú nội bộ: không gửi cho người báo tin.")
    wait_for("case COMPLETED", lambda: call(f"{REFERRAL}/cases/{case_id}")[1]["status"] == "COMPLETED")
    outcome = wait_for("OUTCOME_TO_INFORMANT delivered", lambda: delivered(case_id, "OUTCOME_TO_INFORMANT"))
    sms = [m for m in call(SMS_SINK, user="admin")[1] if m.get("reference") == outcome[0]["notificationId"]]
    assert len(outcome) == 1, outcome
    assert len(sms) <= 1, f"outcome SMS sent {len(sms)} times"
    assert all("nội bộ" not in m.get("text", "") for m in call(SMS_SINK, user="admin")[1]), \
        "agency note reached the informant"
    print(f"2. {2 * len(acting)} responses on the agencies' answer topics (kcat) → case COMPLETED; "
          f"OUTCOME_TO_INFORMANT {outcome[0]['channel']} DELIVERED once (attempts {outcome[0]['attempts']})")

    # 3: FORWARDED → a referral on the new agency's topic, coordinator told
    case_id, case = post_report("VIOLENCE", wants_feedback=False)
    present = {r["agency"] for r in case["referrals"]}
    source = next(r for r in case["referrals"] if r["agency"] == "EDUCATION")
    target = next(a for a in ["JUSTICE", "YOUTH_UNION", "HEALTH"] if a not in present)
    topic = f"referrals.{segment(target)}.{PROVINCE}.v1"
    respond(case_id, source, "FORWARDED", forwardTo=target, reason="Thuộc thẩm quyền của cơ quan tư pháp.",
            reasonCode="BETTER_PLACED_AGENCY")
    forwarded = wait_for(f"forwarded referral on {topic}",
                         lambda: [r for r in referral_records(target, case_id)
                                  if r.get("forwardedFrom") == source["referralId"]], 30)
    told = wait_for("FORWARDED delivered to the new agency's focal point and the coordinator", lambda: (
        lambda items: items if {"FOCAL_POINT", "COORDINATOR"} <= {n.get("recipientRole") for n in items} else None)(
        delivered(case_id, "FORWARDED")))
    print(f"3. FORWARDED {source['agency']} → {target}: {forwarded[0]['referralId']} on {topic}; "
          f"FORWARDED notifications delivered to {sorted({n['recipientRole'] + ' ' + str(n['recipient']) for n in told})}")

    # 4: unanswered → ReferralOverdue REMINDER then ESCALATED, notifications delivered
    case_id, case = post_report("SEXUAL_ABUSE", wants_feedback=False)
    overdue = wait_for("ReferralOverdue REMINDER and ESCALATED on case.events.v1", lambda: (
        lambda events: events if {"REMINDER", "ESCALATED"} <= {e["stage"] for e in events} else None)(
        [e for e in kcat_records("case.events.v1", case_id, "admin") if e["eventType"] == "ReferralOverdue.v1"]), 150)
    ids = [e["eventId"] for e in overdue]
    assert len(ids) == len(set(ids)), "an overdue event fired twice"
    reminders = wait_for("OVERDUE_REMINDER delivered", lambda: delivered(case_id, "OVERDUE_REMINDER"))
    escalations = wait_for("ESCALATION delivered", lambda: delivered(case_id, "ESCALATION"))
    print(f"4. unanswered case {case_id}: {sum(e['stage'] == 'REMINDER' for e in overdue)} REMINDER and "
          f"{sum(e['stage'] == 'ESCALATED' for e in overdue)} ESCALATED ReferralOverdue events (no repeats); "
          f"{len(reminders)} OVERDUE_REMINDER and {len(escalations)} ESCALATION notifications delivered")
    print(f"agency loop passed in {time.monotonic() - started:.1f} s")


if __name__ == "__main__":
    main()
