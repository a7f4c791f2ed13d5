package vn.childprotection.platform.areas;

import java.util.Locale;

/**
 * One administrative unit of a map.
 *
 * @param kind       the official kind as the file names it (municipality, province, district, commune, ward,
 *                   township, special-zone)
 * @param parentCode the province of a district, the district of a commune on the three-level map, the province of a
 *                   commune on the two-level map; {@code null} for a province
 */
public record AreaUnit(String code, String name, String fullName, Level level, String kind, String parentCode) {

    /** The three levels a unit can sit at; the two-level map has no {@link #DISTRICT}. */
    public enum Level {
        PROVINCE, DISTRICT, COMMUNE;

        /** The level of an official kind ({@code special-zone} is a commune-level unit). */
        public static Level of(String kind) {
            return switch (kind.trim().toLowerCase(Locale.ROOT)) {
                case "municipality", "province" -> PROVINCE;
                case "district" -> DISTRICT;
                case "commune", "ward", "township", "special-zone" -> COMMUNE;
                default -> throw new IllegalArgumentException("unknown level '" + kind + "'");
            };
        }
    }
}
