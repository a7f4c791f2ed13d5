package vn.childprotection.platform.reporting.domain;

import vn.childprotection.platform.contracts.Agencies;
import vn.childprotection.platform.contracts.CaseStatus;
import vn.childprotection.platform.contracts.Channel;
import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.ContactType;
import vn.childprotection.platform.contracts.EscalationRaised.DeadlineKind;
import vn.childprotection.platform.contracts.ReferralRole;
import vn.childprotection.platform.contracts.ReferralStatus;
import vn.childprotection.platform.contracts.Severity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Every figure reporting serves, computed from a {@link FactSet} (never from per-event counters, so a replay cannot
 * count twice): the overview, time series by reporting-calendar bucket, breakdowns, the referral funnel per agency
 * with timeliness (S0 Art 7.2; Decree 56/2017 Art 26.3, 28.1), open overdue referrals and repeat reports.
 */
public final class StatsCalculator {

    /** The groups of children in special circumstances of the Law on Children 2016 Art 10 (the rest: other concerns). */
    public static final Set<Concern> ART_10 = EnumSet.of(Concern.ORPHAN_NO_SUPPORT, Concern.ABANDONED,
            Concern.DISABILITY, Concern.HIV_AIDS, Concern.IN_CONFLICT_WITH_LAW, Concern.DRUG_USE,
            Concern.SCHOOL_DROPOUT_WORK, Concern.VIOLENCE, Concern.EXPLOITATION, Concern.SEXUAL_ABUSE,
            Concern.TRAFFICKING, Concern.SERIOUS_ILLNESS_POOR, Concern.MIGRANT_UNACCOMPANIED);

    /**
     * What a breakdown groups by. PROVINCE: the province of the latest map; DISTRICT: the district, for cases of days
     * on the three-level map (until 30 June 2025); COMMUNE: the commune, for cases of days on the two-level map (from
     * 1 July 2025); AREA: the unit below the province on the map of the case's day, the district before and the
     * commune after (rows say which in {@code group}).
     */
    public enum Dimension {
        PROVINCE, DISTRICT, COMMUNE, AREA, CONCERN, AGENCY, ROLE, SEVERITY, CHANNEL, CONTACT_TYPE, STATUS
    }

    private static final List<String> CONTACT_TYPES = names(ContactType.values());

    private StatsCalculator() {
    }

    // --- overview --------------------------------------------------------------------------------------------

    public static Overview overview(FactSet facts, StatsFilter filter, Instant now) {
        Map<String, Long> contacts = new HashMap<>();
        Map<String, Long> concerns = new HashMap<>();
        Map<String, Long> severities = new HashMap<>();
        Map<String, Long> channels = new HashMap<>();
        Map<String, Long> provinces = new HashMap<>();
        Map<String, Long> districts = new HashMap<>();
        Map<String, Long> communes = new HashMap<>();
        Map<String, Long> statuses = new HashMap<>();
        for (CaseFact fact : facts.cases()) {
            increment(contacts, name(fact.contactType()));
            fact.concerns().forEach(concern -> increment(concerns, concern.name()));
            increment(severities, name(fact.severity()));
            increment(channels, name(fact.channel()));
            increment(provinces, fact.latestProvinceCode());
            increment(districts, fact.districtOnMap());
            increment(communes, fact.communeOnMap());
            increment(statuses, name(fact.status()));
        }
        Map<String, Long> agencies = new HashMap<>();
        Map<String, Long> roles = new HashMap<>();
        long overdue = 0;
        for (ReferralFact referral : facts.referrals()) {
            increment(agencies, referral.agency());
            increment(roles, name(referral.role()));
            if (isOpenOverdue(referral, facts.caseOf(referral), now)) {
                overdue++;
            }
        }
        long delivered = facts.notifications().stream().filter(NotificationFact::delivered).count();
        Map<String, Long> contactCounts = zeroFilled(CONTACT_TYPES, contacts);
        return new Overview(
                facts.cases().size(),
                contactCounts,
                contactCounts.get(ContactType.INTERVENTION.name()),
                facts.referrals().size(),
                zeroFilled(Agencies.NATIONAL, agencies),
                zeroFilled(names(Concern.values()), concerns),
                zeroFilled(names(Severity.values()), severities),
                zeroFilled(names(Channel.values()), channels),
                zeroFilled(filter.province() == null ? List.of() : List.of(filter.province()), provinces),
                zeroFilled(filter.district() == null ? List.of() : List.of(filter.district()), districts),
                zeroFilled(filter.commune() == null ? List.of() : List.of(filter.commune()), communes),
                zeroFilled(names(ReferralRole.values()), roles),
                zeroFilled(names(CaseStatus.values()), statuses),
                overdue,
                delivered,
                facts.notifications().size() - delivered,
                now);
    }

    // --- time series -----------------------------------------------------------------------------------------

    public static Views.Timeseries timeseries(FactSet facts, Granularity granularity) {
        Map<String, long[]> buckets = new TreeMap<>();
        Map<String, String> labelOfCase = new HashMap<>();
        for (CaseFact fact : facts.cases()) {
            String label = granularity.label(fact.receivedDate());
            labelOfCase.put(fact.caseId(), label);
            long[] b = buckets.computeIfAbsent(label, k -> new long[6]);
            b[0]++;
            if (fact.contactType() == ContactType.COUNSELLING) b[1]++;
            if (fact.isIntervention()) {
                b[2]++;
                b[3]++;
            }
            if (fact.completedAt() != null || fact.status() == CaseStatus.COMPLETED) b[5]++;
        }
        for (ReferralFact referral : facts.referrals()) {
            String label = labelOfCase.get(referral.caseId());
            if (label != null) buckets.get(label)[4]++;
        }
        List<Views.TimeseriesBucket> rows = new ArrayList<>();
        buckets.forEach((label, b) -> rows.add(new Views.TimeseriesBucket(label, b[0], b[1], b[2], b[3], b[4], b[5])));
        return new Views.Timeseries(granularity.name().toLowerCase(java.util.Locale.ROOT), rows);
    }

    // --- breakdowns ------------------------------------------------------------------------------------------

    public static Views.Breakdown breakdown(FactSet facts, Dimension by) {
        Map<String, long[]> rows = new HashMap<>();
        Map<String, String> areaGroup = new HashMap<>();
        if (by == Dimension.AGENCY || by == Dimension.ROLE) {
            Map<String, Set<String>> casesPerKey = new HashMap<>();
            for (ReferralFact referral : facts.referrals()) {
                String key = by == Dimension.AGENCY ? referral.agency() : name(referral.role());
                if (key == null) continue;
                rows.computeIfAbsent(key, k -> new long[3])[1]++;
                casesPerKey.computeIfAbsent(key, k -> new HashSet<>()).add(referral.caseId());
            }
            casesPerKey.forEach((key, ids) -> {
                rows.get(key)[0] = ids.size();
                rows.get(key)[2] = ids.size();
            });
        } else {
            Map<String, List<String>> keysOfCase = new HashMap<>();
            for (CaseFact fact : facts.cases()) {
                List<String> keys = keysOf(fact, by);
                keysOfCase.put(fact.caseId(), keys);
                if (by == Dimension.AREA && !keys.isEmpty()) {
                    areaGroup.put(keys.getFirst(), fact.districtOnMap() != null ? "DISTRICT" : "COMMUNE");
                }
                for (String key : keys) {
                    long[] row = rows.computeIfAbsent(key, k -> new long[3]);
                    row[2]++;
                    if (fact.isIntervention()) row[0]++;
                }
            }
            for (ReferralFact referral : facts.referrals()) {
                keysOfCase.getOrDefault(referral.caseId(), List.of())
                        .forEach(key -> rows.get(key)[1]++);
            }
        }
        List<Views.BreakdownRow> result = new ArrayList<>();
        rows.forEach((key, row) -> result.add(new Views.BreakdownRow(key, row[0], row[1], row[2],
                by == Dimension.CONCERN ? concernGroup(key) : by == Dimension.AREA ? areaGroup.get(key) : null)));
        result.sort(Comparator.comparingLong(Views.BreakdownRow::cases).reversed()
                .thenComparing(Comparator.comparingLong(Views.BreakdownRow::contacts).reversed())
                .thenComparing(Views.BreakdownRow::key));
        return new Views.Breakdown(by.name().equals("CONTACT_TYPE") ? "contactType" : by.name().toLowerCase(
                java.util.Locale.ROOT), result);
    }

    private static List<String> keysOf(CaseFact fact, Dimension by) {
        String single = switch (by) {
            case PROVINCE -> fact.latestProvinceCode();
            case DISTRICT -> fact.districtOnMap();
            case COMMUNE -> fact.communeOnMap();
            case AREA -> fact.districtOnMap() != null ? fact.districtOnMap() : fact.communeOnMap();
            case SEVERITY -> name(fact.severity());
            case CHANNEL -> name(fact.channel());
            case CONTACT_TYPE -> name(fact.contactType());
            case STATUS -> name(fact.status());
            default -> null;
        };
        if (by == Dimension.CONCERN) {
            return fact.concerns().stream().map(Enum::name).distinct().toList();
        }
        return single == null ? List.of() : List.of(single);
    }

    private static String concernGroup(String code) {
        try {
            return ART_10.contains(Concern.valueOf(code)) ? "ART10" : "OTHER";
        } catch (IllegalArgumentException unknown) {
            return "OTHER";
        }
    }

    // --- funnel ----------------------------------------------------------------------------------------------

    /**
     * Per agency: issued → acknowledged (any answer) → accepted (ACCEPTED or further) → completed, with declined and
     * forwarded and their reason codes (S0 Art 7.2); time to acknowledge, accept and complete from issue (median,
     * 90th percentile); the share of each deadline met on time among those due; open overdue referrals.
     */
    public static List<Views.FunnelRow> funnel(FactSet facts, Instant now) {
        Map<String, List<ReferralFact>> byAgency = new TreeMap<>(agencyOrder());
        facts.referrals().stream().filter(r -> r.agency() != null)
                .forEach(r -> byAgency.computeIfAbsent(r.agency(), k -> new ArrayList<>()).add(r));
        List<Views.FunnelRow> rows = new ArrayList<>();
        byAgency.forEach((agency, referrals) -> rows.add(funnelRow(agency, referrals, facts, now)));
        return rows;
    }

    private static Views.FunnelRow funnelRow(String agency, List<ReferralFact> referrals, FactSet facts, Instant now) {
        long acknowledged = 0, accepted = 0, inProgress = 0, completed = 0, declined = 0, forwarded = 0, overdue = 0;
        Map<String, Long> declineReasons = new TreeMap<>();
        Map<String, Long> forwardReasons = new TreeMap<>();
        List<Double> toAck = new ArrayList<>(), toAccept = new ArrayList<>(), toComplete = new ArrayList<>();
        Map<DeadlineKind, long[]> onTime = new LinkedHashMap<>();
        for (DeadlineKind kind : DeadlineKind.values()) onTime.put(kind, new long[2]);
        for (ReferralFact r : referrals) {
            if (r.acknowledgedAt() != null) acknowledged++;
            if (r.acceptedAt() != null) accepted++;
            if (r.status() == ReferralStatus.IN_PROGRESS) inProgress++;
            if (r.completedAt() != null) completed++;
            if (r.declinedAt() != null) {
                declined++;
                increment(declineReasons, r.declineReason() == null ? "UNSPECIFIED" : r.declineReason().name());
            }
            if (r.forwardedAt() != null) {
                forwarded++;
                increment(forwardReasons, r.forwardReason() == null ? "UNSPECIFIED" : r.forwardReason().name());
            }
            minutes(r.issuedAt(), r.acknowledgedAt(), toAck);
            minutes(r.issuedAt(), r.acceptedAt(), toAccept);
            minutes(r.issuedAt(), r.completedAt(), toComplete);
            List<ReferralDeadlines.Deadline> deadlines = ReferralDeadlines.of(r, facts.caseOf(r));
            for (ReferralDeadlines.Deadline d : deadlines) {
                if (d.isDue(now)) {
                    onTime.get(d.kind())[0]++;
                    if (d.metOnTime()) onTime.get(d.kind())[1]++;
                }
            }
            if (r.isOpen() && deadlines.stream().anyMatch(d -> d.isOverdue(now))) overdue++;
        }
        Map<String, Views.OnTime> shares = new LinkedHashMap<>();
        onTime.forEach((kind, c) -> shares.put(kind.name(), new Views.OnTime(c[0], c[1],
                c[0] == 0 ? null : Math.round(c[1] * 100.0 / c[0]) / 100.0)));
        return new Views.FunnelRow(agency, referrals.size(), acknowledged, accepted, inProgress, completed, declined,
                forwarded, declineReasons, forwardReasons, Percentiles.of(toAck), Percentiles.of(toAccept),
                Percentiles.of(toComplete), shares, overdue);
    }

    // --- overdue ---------------------------------------------------------------------------------------------

    /** Open referrals whose deadline passed unmet, most overdue first (one row per referral and deadline). */
    public static List<Views.OverdueRow> overdue(FactSet facts, Instant now) {
        List<Views.OverdueRow> rows = new ArrayList<>();
        for (ReferralFact r : facts.referrals()) {
            if (!r.isOpen()) continue;
            CaseFact caseFact = facts.caseOf(r);
            for (ReferralDeadlines.Deadline d : ReferralDeadlines.of(r, caseFact)) {
                if (!d.isOverdue(now)) continue;
                rows.add(new Views.OverdueRow(r.caseId(), r.referralId(), r.agency(), r.unitId(), r.areaCode(),
                        caseFact == null ? null : caseFact.latestProvinceCode(),
                        caseFact == null ? null : caseFact.districtOnMap(),
                        name(r.severity() != null ? r.severity() : caseFact == null ? null : caseFact.severity()),
                        d.kind().name(), d.dueAt(), d.stage() == null ? null : d.stage().name(),
                        d.overdueMinutes(now)));
            }
        }
        rows.sort(Comparator.comparing(Views.OverdueRow::dueAt).thenComparing(Views.OverdueRow::referralId)
                .thenComparing(Views.OverdueRow::deadline));
        return rows;
    }

    static boolean isOpenOverdue(ReferralFact referral, CaseFact caseFact, Instant now) {
        return referral.isOpen() && ReferralDeadlines.of(referral, caseFact).stream().anyMatch(d -> d.isOverdue(now));
    }

    // --- repeats ---------------------------------------------------------------------------------------------

    /**
     * Repeat reports (domain reference, "Reporting calendar and indicators"): the same child (the CaseOpened
     * {@code childKey} pseudonym) or the same place (the commune, else the district) in two or more cases.
     */
    public static List<Views.RepeatRow> repeats(FactSet facts) {
        List<Views.RepeatRow> rows = new ArrayList<>();
        rows.addAll(repeatsBy(facts, "CHILD", CaseFact::childKey));
        rows.addAll(repeatsBy(facts, "PLACE", fact -> fact.communeCode() != null ? fact.communeCode()
                : fact.districtCode()));
        rows.sort(Comparator.comparingLong(Views.RepeatRow::cases).reversed()
                .thenComparing(Views.RepeatRow::kind).thenComparing(Views.RepeatRow::key));
        return rows;
    }

    private static List<Views.RepeatRow> repeatsBy(FactSet facts, String kind, Function<CaseFact, String> keyOf) {
        Map<String, List<CaseFact>> groups = new TreeMap<>();
        facts.cases().forEach(fact -> {
            String key = keyOf.apply(fact);
            if (key != null) groups.computeIfAbsent(key, k -> new ArrayList<>()).add(fact);
        });
        List<Views.RepeatRow> rows = new ArrayList<>();
        groups.forEach((key, cases) -> {
            if (cases.size() < 2) return;
            CaseFact first = cases.getFirst();
            rows.add(new Views.RepeatRow(kind, key, first.latestProvinceCode(), first.districtOnMap(), cases.size(),
                    cases.stream().map(CaseFact::receivedAt).min(Comparator.naturalOrder()).orElse(null),
                    cases.stream().map(CaseFact::receivedAt).max(Comparator.naturalOrder()).orElse(null)));
        });
        return rows;
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    /** {@code known} keys first, in their order, then any other counted key in code order; nulls are dropped. */
    static Map<String, Long> zeroFilled(List<String> known, Map<String, Long> counted) {
        Map<String, Long> result = new LinkedHashMap<>();
        known.forEach(key -> result.put(key, counted.getOrDefault(key, 0L)));
        new TreeMap<>(counted).forEach((key, count) -> {
            if (key != null && !result.containsKey(key)) {
                result.put(key, count);
            }
        });
        return result;
    }

    /** National agencies in the order of S0 Art 9.5 a–g, then the others by code. */
    static Comparator<String> agencyOrder() {
        return Comparator.<String>comparingInt(code -> {
            int index = Agencies.NATIONAL.indexOf(code);
            return index < 0 ? Integer.MAX_VALUE : index;
        }).thenComparing(Comparator.naturalOrder());
    }

    private static void minutes(Instant from, Instant to, List<Double> into) {
        if (from != null && to != null && !to.isBefore(from)) {
            into.add(Duration.between(from, to).toMillis() / 60_000.0);
        }
    }

    private static void increment(Map<String, Long> map, String key) {
        if (key != null) {
            map.merge(key, 1L, Long::sum);
        }
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
