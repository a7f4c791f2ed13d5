package vn.childprotection.platform.reporting.domain;

import java.util.Arrays;
import java.util.Collection;

/**
 * Median and 90th percentile of durations in minutes (Primero-style "time to accept", "time to outcome"), by linear
 * interpolation between closest ranks (the usual "type 7" definition: the median of 10 and 15 is 12.5).
 */
public record Percentiles(long count, Double medianMinutes, Double p90Minutes) {

    public static final Percentiles NONE = new Percentiles(0, null, null);

    public static Percentiles of(Collection<Double> minutes) {
        if (minutes.isEmpty()) {
            return NONE;
        }
        double[] sorted = minutes.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return new Percentiles(sorted.length, round(quantile(sorted, 0.5)), round(quantile(sorted, 0.9)));
    }

    /** The {@code q} quantile of sorted values, 0 ≤ q ≤ 1. */
    public static double quantile(double[] sorted, double q) {
        if (sorted.length == 1) {
            return sorted[0];
        }
        double position = q * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = (int) Math.ceil(position);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
    }

    private static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}
