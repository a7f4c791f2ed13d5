#!/usr/bin/env python3
"""Routing check through the running platform, end to end.

Posts one INTERVENTION report per concern of the domain reference's routing table for each seed province
(Điện Biên 11, Bắc Kạn 06, An Giang 89, Hà Nội 01) to intake, reads each case from referral-service and checks
that the PRIMARY and SUPPORTING agencies of the table (S0 Art 9.5 and the cited clauses) are all there with at
least that role, and that the standing agency SOCIAL_AFFAIRS is present (S0 Art 8.4). Province rulesets may add
agencies: those are listed, not failed. Usage: ./platform up -d && deploy/smoke/routing-check.py
"""
import sys
import time
import urllib.error
import uuid
from datetime import datetime, timedelta, timezone

from platform_api import call

INTAKE = "http://127.0.0.1:8081/api/v1/reports"
CASES = "http://127.0.0.1:8082/api/v1/cases/"

# concern: (PRIMARY, SUPPORTING) — the domain reference's "Default routing" table
TABLE = {
    "SEXUAL_ABUSE": ({"SOCIAL_AFFAIRS", "POLICE"}, {"HEALTH", "WOMENS_UNION", "EDUCATION", "JUSTICE"}),
    "VIOLENCE": ({"SOCIAL_AFFAIRS", "POLICE"}, {"HEALTH", "EDUCATION", "WOMENS_UNION"}),
    "TRAFFICKING": ({"SOCIAL_AFFAIRS", "POLICE"}, {"HEALTH", "WOMENS_UNION"}),
    "ABANDONED": ({"SOCIAL_AFFAIRS"}, {"WOMENS_UNION", "YOUTH_UNION", "JUSTICE"}),
    "EXPLOITATION": ({"SOCIAL_AFFAIRS"}, {"HEALTH", "YOUTH_UNION", "WOMENS_UNION"}),
    "NEGLECT": ({"SOCIAL_AFFAIRS"}, {"WOMENS_UNION", "YOUTH_UNION"}),
    "DOMESTIC_VIOLENCE": ({"WOMENS_UNION"}, {"SOCIAL_AFFAIRS", "POLICE"}),
    "ONLINE_ABUSE": ({"POLICE", "SOCIAL_AFFAIRS"}, {"EDUCATION"}),
    "IN_CONFLICT_WITH_LAW": ({"POLICE"}, {"JUSTICE", "SOCIAL_AFFAIRS"}),
    "DRUG_USE": ({"POLICE", "HEALTH"}, {"SOCIAL_AFFAIRS"}),
    "DISABILITY": ({"SOCIAL_AFFAIRS"}, {"HEALTH", "EDUCATION"}),
    "HIV_AIDS": ({"SOCIAL_AFFAIRS"}, {"HEALTH"}),
    "ORPHAN_NO_SUPPORT": ({"SOCIAL_AFFAIRS"}, {"YOUTH_UNION", "WOMENS_UNION"}),
    "SCHOOL_DROPOUT_WORK": ({"EDUCATION"}, {"SOCIAL_AFFAIRS"}),
    "SERIOUS_ILLNESS_POOR": ({"SOCIAL_AFFAIRS"}, {"HEALTH"}),
    "LEGAL_CIVIL_STATUS": ({"JUSTICE"}, set()),
    "INJURY_ACCIDENT": ({"SOCIAL_AFFAIRS"}, {"HEALTH", "EDUCATION"}),
    "MIGRANT_UNACCOMPANIED": ({"SOCIAL_AFFAIRS", "POLICE"}, {"JUSTICE", "HEALTH"}),
    "OTHER": ({"SOCIAL_AFFAIRS"}, set()),
}
PROVINCES = {"11": ("Điện Biên", "094"), "06": ("Bắc Kạn", "058"), "89": ("An Giang", "883"), "01": ("Hà Nội", "001")}
RANK = {"PRIMARY": 0, "SUPPORTING": 1, "INFORMED": 2}



def report(concern, province, district):
    received = datetime.now(timezone(timedelta(hours=7))) - timedelta(minutes=5)
    return {
        "reportId": str(uuid.uuid4()), "receivedAt": received.isoformat(timespec="seconds"),
        "channel": "HOTLINE_111", "contactType": "INTERVENTION", "concerns": [concern], "severity": "NORMAL",
        "location": {"provinceCode": province, "districtCode": district},
        "child": {"sex": "FEMALE", "ageYears": 10},
        "reporter": {"relationship": "NEIGHBOUR", "anonymous": True, "wantsFeedback": False},
        "narrative": "Kiểm tra định tuyến.",
    }


def main():
    failures, extras, started = [], [], time.monotonic()
    posted = []
    for province, (name, district) in PROVINCES.items():
        for concern in TABLE:
            status, body = call(INTAKE, report(concern, province, district))
            assert status == 202, (status, body)
            posted.append((province, concern, body["caseId"]))
    for province, concern, case_id in posted:
        deadline = time.monotonic() + 10
        while True:
            try:
                _, case = call(CASES + case_id)
                break
            except urllib.error.HTTPError as e:
                if e.code != 404 or time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        roles = {r["agency"]: r["role"] for r in case["referrals"]}
        primary, supporting = TABLE[concern]
        problems = [f"{a} missing as PRIMARY" for a in primary if roles.get(a) != "PRIMARY"]
        problems += [f"{a} missing as SUPPORTING" for a in supporting
                     if RANK.get(roles.get(a), 9) > RANK["SUPPORTING"]]
        if "SOCIAL_AFFAIRS" not in roles:
            problems.append("standing agency SOCIAL_AFFAIRS absent (S0 Art 8.4)")
        added = sorted(a for a in roles if a not in primary | supporting | {"SOCIAL_AFFAIRS"})
        if problems:
            failures.append(f"{province} {concern}: {', '.join(problems)}")
        if added:
            extras.append(f"{province} {concern}: + {', '.join(f'{a} {roles[a]}' for a in added)}")
    print(f"{len(posted)} reports ({len(PROVINCES)} provinces x {len(TABLE)} concerns) posted and read back "
          f"in {time.monotonic() - started:.1f} s")
    print("province additions:" if extras else "no province additions", *extras, sep="\n  ")
    if failures:
        print(f"{len(failures)} FAILED:", *failures, sep="\n  ")
        return 1
    print(f"{len(posted)} passed, 0 failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
