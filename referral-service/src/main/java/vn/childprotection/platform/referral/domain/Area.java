package vn.childprotection.platform.referral.domain;

/**
 * An official administrative unit (General Statistics Office code). {@code parentCode} is the district of a commune
 * in the three-level hierarchy (until 30 June 2025), the province of a commune in the two-level one (from 1 July 2025),
 * and {@code null} for a province.
 */
public record Area(Level level, String code, String parentCode, String name) {

    public enum Level { PROVINCE, DISTRICT, COMMUNE }
}
