package vn.childprotection.platform.reporting.domain;

/**
 * Where a case lies for the figures, derived from its reception date and its codes ({@link Areas#caseArea}).
 *
 * @param map            the administrative map in force on the case's day ({@code VN-2024} until 30 June 2025,
 *                       {@code VN-2025} from 1 July 2025, {@code VN-2026-04} from 30 April 2026, Asia/Ho_Chi_Minh)
 * @param districts      whether that map has districts (the case's codes then name a district, not a commune of the
 *                       two-level map; the two-level maps keep their communes' codes, which a commune filter names)
 * @param latestProvince the province of the latest map the case's province is part of ({@code 89} of 2024 →
 *                       {@code 91}); an unknown code as given
 * @param district       on a map with districts, the case's district, else the district of its commune; otherwise
 *                       {@code null}
 */
public record CaseArea(String map, boolean districts, String latestProvince, String district) {
}
