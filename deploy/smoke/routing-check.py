#!/usr/bin/env python3
"""Routing check through the running platform, end to end, on today's administrative map and on the old one.

1. Today's map (two levels since 1 July 2025): posts one INTERVENTION report per concern of the domain reference's
   routing table for a commune of each seed province's former territory (Điện Biên 11; Thái Nguyên 19, formerly
   Bắc Kạn 06; the new An Giang 91, formerly An Giang 89, and its former Kiên Giang part; Hà Nội 01) to intake,
   reads each case back from referral-service and checks that the PRIMARY and SUPPORTING agencies of the table
   (S0 Art 9.5 and the cited clauses) are there with at least that role, that the standing agency SOCIAL_AFFAIRS is
   present (S0 Art 8.4), that the case needs no triage, and that the province ruleset of the former territory
   applied (none for the former Kiên Giang part).
2. Every one of the 34 provinces: a report for its first commune is routed without triage.
3. A report dated today that names a district (094, which ended on 30 June 2025) is accepted, mapped and routed,
   with the rules written for that district's former territory.
4. The old map (three levels, until 30 June 2025) through the routing preview (intake takes the last 365 days
   only): the seed provinces with their districts on 20 June 2025 get their own ruleset and district units.
Province rulesets may add agencies: those are listed, not failed.
Usage: ./platform up -d && deploy/smoke/routing-check.py
"""
import csv
import os
import sys
import time
import urllib.error
import uuid
from datetime import datetime, timedelta, timezone

from platform_api import ROOT, call

INTAKE = "http://127.0.0.1:8081/api/v1/reports"
CASES = "http://127.0.0.1:8082/api/v1/cases/"
PREVIEW = "http://127.0.0.1:8082/api/v1/routing/preview"
VIETNAM = timezone(timedelta(hours=7))
AREAS_2025 = os.path.join(ROOT, "areas", "src", "main", "resources", "areas", "areas-2025.csv")

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
# today's map: (province, commune, what it was, the ruleset that must apply: "" for the national default only)
TODAY = [("11", "03127", "Phường Điện Biên Phủ, formerly Điện Biên Phủ city (094) of Điện Biên", "11-dien-bien"),
         ("19", "01894", "Xã Phúc Lộc of Thái Nguyên, formerly Ba Bể (061) of Bắc Kạn", "06-bac-kan"),
         ("91", "30292", "Phường Bình Đức of An Giang, formerly Long Xuyên (883) of An Giang", "89-an-giang"),
         ("91", "30742", "Phường Rạch Giá of An Giang, formerly Rạch Giá (899) of Kiên Giang", ""),
         ("01", "00301", "Phường Vĩnh Hưng of Hà Nội", "01-ha-noi")]
# the old map, 20 June 2025: (province, district, the ruleset that must apply)
OLD = [("11", "094", "11-dien-bien"), ("06", "058", "06-bac-kan"), ("89", "883", "89-an-giang"),
       ("01", "001", "01-ha-noi")]
RANK = {"PRIMARY": 0, "SUPPORTING": 1, "INFORMED": 2}


def report(concern, location, received=None):
    received = received or datetime.now(VIETNAM) - timedelta(minutes=5)
    return {
        "reportId": str(uuid.uuid4()), "receivedAt": received.isoformat(timespec="seconds"),
        "channel": "HOTLINE_111", "contactType": "INTERVENTION", "concerns": [concern], "severity": "NORMAL",
        "location": location,
        "child": {"sex": "FEMALE", "ageYears": 10},
        "reporter": {"relationship": "NEIGHBOUR", "anonymous": True, "wantsFeedback": False},
        "narrative": "Kiểm tra định tuyến.",
    }


def read_case(case_id):
    deadline = time.monotonic() + 15
    while True:
        try:
            return call(CASES + case_id)[1]
        except urllib.error.HTTPError as e:
            if e.code != 404 or time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def table_problems(concern, referrals):
    roles = {r["agency"]: r["role"] for r in referrals}
    primary, supporting = TABLE[concern]
    problems = [f"{a} missing as PRIMARY" for a in primary if roles.get(a) != "PRIMARY"]
    problems += [f"{a} missing as SUPPORTING" for a in supporting if RANK.get(roles.get(a), 9) > RANK["SUPPORTING"]]
    if "SOCIAL_AFFAIRS" not in roles:
        problems.append("standing agency SOCIAL_AFFAIRS absent (S0 Art 8.4)")
    problems += [f"{r['agency']} has no unit" for r in referrals if not r.get("unitId")]
    added = sorted(a for a in roles if a not in primary | supporting | {"SOCIAL_AFFAIRS"})
    return problems, [f"{a} {roles[a]}" for a in added]


def ruleset_problem(version, expected):
    if expected and f"+{expected}-" not in version:
        return [f"ruleset {version}, expected {expected}"]
    if not expected and "+" in version:
        return [f"ruleset {version}, expected the national default only"]
    return []


def first_communes():
    communes = {}
    with open(AREAS_2025, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["level"] in ("commune", "ward", "special-zone"):
                communes.setdefault(row["parent_code"], row["code"])
    return communes


def main():
    failures, extras, started = [], [], time.monotonic()
    posted = []
    for province, commune, label, ruleset in TODAY:
        for concern in TABLE:
            status, body = call(INTAKE, report(concern, {"provinceCode": province, "communeCode": commune}))
            assert status == 202 and body["placement"]["outcome"] == "AS_GIVEN", (status, body)
            posted.append((f"{province}/{commune}", concern, body["caseId"], ruleset))
    provinces = first_communes()
    assert len(provinces) == 34, len(provinces)
    for province, commune in sorted(provinces.items()):
        status, body = call(INTAKE, report("VIOLENCE", {"provinceCode": province, "communeCode": commune}))
        assert status == 202, (status, body)
        posted.append((f"{province}/{commune}", "VIOLENCE", body["caseId"], None))
    status, district = call(INTAKE, report("VIOLENCE", {"provinceCode": "11", "districtCode": "094"}))
    if status != 202 or district["placement"]["outcome"] != "MAPPED":
        failures.append(f"today's report naming district 094: {status} {district}")
    else:
        posted.append(("11 (district 094 given)", "VIOLENCE", district["caseId"], "11-dien-bien"))
    if district.get("caseId"):
        # the district's former territory still counts: Điện Biên Phủ city's rule (S4) adds the commune People's
        # Committees for violence, as for a commune of the former city
        agencies = {r["agency"] for r in read_case(district["caseId"])["referrals"]}
        if "COMMUNE_PC" not in agencies:
            failures.append("today's report naming district 094: the city's rule (COMMUNE_PC) did not apply")
    for where, concern, case_id, ruleset in posted:
        case = read_case(case_id)
        problems, added = table_problems(concern, case["referrals"])
        if case["triage"]["required"] and concern != "OTHER":
            problems.append("triage: " + "; ".join(case["triage"]["reasons"]))
        if ruleset is not None:
            problems += ruleset_problem(case["referrals"][0]["rulesetVersion"], ruleset)
        if problems:
            failures.append(f"{where} {concern}: {', '.join(problems)}")
        if added:
            extras.append(f"{where} {concern}: + {', '.join(added)}")
    old_day = datetime(2025, 6, 20, 10, 0, tzinfo=VIETNAM)
    previews = 0
    for province, district, ruleset in OLD:
        for concern in TABLE:
            _, plan = call(PREVIEW, report(concern, {"provinceCode": province, "districtCode": district}, old_day))
            previews += 1
            problems, _ = table_problems(concern, plan["referrals"])
            problems += ruleset_problem(plan["rulesetVersion"], ruleset)
            if plan["area"]["areaMap"] != "VN-2024":
                problems.append(f"placed on {plan['area']['areaMap']}, expected VN-2024")
            if concern == "VIOLENCE" and not any(r["unitId"] == f"{province}-{district}-POLICE"
                                                 for r in plan["referrals"]):
                problems.append(f"POLICE not sent to the district unit {province}-{district}-POLICE")
            if problems:
                failures.append(f"preview {old_day.date()} {province}/{district} {concern}: {', '.join(problems)}")
    print(f"{len(posted)} reports on today's map ({len(TODAY)} seed communes x {len(TABLE)} concerns, "
          f"34 provinces, 1 district) posted and read back, {previews} previews on the old map, "
          f"in {time.monotonic() - started:.1f} s")
    print("province additions:" if extras else "no province additions", *extras, sep="\n  ")
    if failures:
        print(f"{len(failures)} FAILED:", *failures, sep="\n  ")
        return 1
    print(f"{len(posted) + previews} passed, 0 failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
