package vn.childprotection.platform.reporting.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The tables reporting serves, as plain values (the API and the periodic report render them). */
public final class Views {

    private Views() {
    }

    public record TimeseriesBucket(String period, long contacts, long counselling, long interventions, long cases,
                                   long referrals, long completedCases) {
    }

    public record Timeseries(String granularity, List<TimeseriesBucket> buckets) {
    }

    /**
     * @param contacts every contact with that key (counselling included); {@code cases}: intervention cases, or for
     *                 agency and role the distinct cases with such a referral
     * @param group    for concerns: ART10 (Law on Children Art 10 groups) or OTHER; for areas: DISTRICT (a day on
     *                 the three-level map) or COMMUNE (a day on the two-level map); else null
     */
    public record BreakdownRow(String key, long cases, long referrals, long contacts, String group) {
    }

    public record Breakdown(String by, List<BreakdownRow> rows) {
    }

    public record OnTime(long due, long met, Double share) {
    }

    public record FunnelRow(String agency, long issued, long acknowledged, long accepted, long inProgress,
                            long completed, long declined, long forwarded, Map<String, Long> declineReasons,
                            Map<String, Long> forwardReasons, Percentiles timeToAcknowledge, Percentiles timeToAccept,
                            Percentiles timeToComplete, Map<String, OnTime> onTime, long openOverdue) {
    }

    /** {@code provinceCode}: the case's province on the latest map; {@code districtCode}: on a map with districts. */
    public record OverdueRow(String caseId, String referralId, String agency, String unitId, String areaCode,
                             String provinceCode, String districtCode, String severity, String deadline,
                             Instant dueAt, String stage, long overdueMinutes) {
    }

    /** {@code provinceCode}: the first case's province on the latest map; {@code districtCode} as in OverdueRow. */
    public record RepeatRow(String kind, String key, String provinceCode, String districtCode, long cases,
                            Instant firstAt, Instant lastAt) {
    }
}
