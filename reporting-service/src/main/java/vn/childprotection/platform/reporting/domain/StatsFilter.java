package vn.childprotection.platform.reporting.domain;

import vn.childprotection.platform.contracts.Concern;

import java.time.LocalDate;

/**
 * Which cases the figures cover: received within {@code period} (Vietnamese calendar dates), located in
 * {@code province} (a province of the latest map: a case counts under the province its own province became part of,
 * {@link CaseFact#latestProvinceCode()}), {@code district} (a district of the three-level map, so days before
 * 1 July 2025) or {@code commune} (a commune of the latest map, so days from 1 July 2025), about {@code concern};
 * {@code agency} keeps the cases with a referral to that agency and, for referral figures, only that agency's
 * referrals. Every part is optional.
 */
public record StatsFilter(ReportingPeriod period, String province, String district, String commune, String agency,
                          Concern concern) {

    public static final StatsFilter NONE = new StatsFilter(null, null, null, null, null, null);

    /** Without a commune. */
    public StatsFilter(ReportingPeriod period, String province, String district, String agency, Concern concern) {
        this(period, province, district, null, agency, concern);
    }

    public LocalDate from() {
        return period == null ? null : period.from();
    }

    public LocalDate to() {
        return period == null ? null : period.to();
    }

    /** The period's label for file names, {@code all} without one. */
    public String periodLabel() {
        return period == null ? "all" : period.label();
    }

    /** The case-level part (period, place, concern), not the agency. */
    public boolean matchesCase(CaseFact fact) {
        if (!fact.opened()) {
            return false;
        }
        if (period != null && !period.contains(fact.receivedDate())) {
            return false;
        }
        if (province != null && !province.equals(fact.latestProvinceCode())) {
            return false;
        }
        if (district != null && !district.equals(fact.districtOnMap())) {
            return false;
        }
        if (commune != null && !commune.equals(fact.communeOnLatestMap())) {
            return false;
        }
        return concern == null || fact.concerns().contains(concern);
    }

    public boolean matchesAgency(ReferralFact referral) {
        return agency == null || agency.equals(referral.agency());
    }

    public StatsFilter withProvince(String value) {
        return new StatsFilter(period, value, district, commune, agency, concern);
    }

    public StatsFilter withPeriod(ReportingPeriod value) {
        return new StatsFilter(value, province, district, commune, agency, concern);
    }
}
