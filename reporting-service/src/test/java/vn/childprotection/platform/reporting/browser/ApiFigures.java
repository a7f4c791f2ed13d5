package vn.childprotection.platform.reporting.browser;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the dashboard must show for a filter, read from the reporting API: every figure under
 * the data-testid the page gives it, and the state of each panel ("unavailable" where the API answers 404).
 * Figures that change by the minute (how long a referral has been overdue) are left out.
 */
final class ApiFigures {

    private static final List<String> FUNNEL_COUNTS =
            List.of("issued", "acknowledged", "accepted", "inProgress", "completed", "declined", "forwarded",
                    "openOverdue");
    private static final List<String> DEADLINES = List.of("ACKNOWLEDGEMENT", "EMERGENCY_MEASURES", "SUPPORT_PLAN");
    private static final List<String> SERIES = List.of("contacts", "cases", "referrals", "completedCases");

    /** data-testid → the value the page must hold in data-value ("" for none). */
    final Map<String, String> figures = new TreeMap<>();
    /** data-testid of a panel → its data-state. */
    final Map<String, String> panels = new TreeMap<>();

    private ApiFigures() {
    }

    /**
     * @param filter      the API filters, e.g. {@code period=2025&province=11}
     * @param granularity the time-series granularity the page chooses for that filter
     * @param localLevel  whether the page shows the places below the province (a province is chosen): the districts
     *                    of the days before 1 July 2025 and the communes of the days after, else the provinces
     */
    static ApiFigures read(RestClient http, String filter, String granularity, boolean localLevel) {
        ApiFigures expected = new ApiFigures();
        Map<String, Object> overview = get(http, "/api/v1/stats/overview?" + filter);
        if (overview == null) throw new AssertionError("the overview must answer for " + filter);
        expected.overview(overview);
        expected.timeseries(get(http, "/api/v1/stats/timeseries?" + filter + "&granularity=" + granularity));
        String level = localLevel ? "area" : "province";
        Map<String, Object> overviewPlaces = mapOrNull(overview, localLevel ? "byDistrict" : "byProvince");
        if (localLevel && overviewPlaces != null) {
            overviewPlaces = new LinkedHashMap<>(overviewPlaces);
            overviewPlaces.putAll(map(overview, "byCommune"));
        }
        expected.breakdown("panel-areas", "area", get(http, "/api/v1/stats/breakdown?" + filter + "&by=" + level),
                overviewPlaces);
        expected.breakdown("panel-concerns", "concern", get(http, "/api/v1/stats/breakdown?" + filter + "&by=concern"),
                mapOrNull(overview, "byConcern"));
        expected.funnel(get(http, "/api/v1/stats/funnel?" + filter));
        expected.indicators(get(http, "/api/v1/stats/indicators?" + filter));
        expected.overdue(get(http, "/api/v1/stats/overdue?" + filter));
        expected.repeats(get(http, "/api/v1/stats/repeats?" + filter));
        return expected;
    }

    /** The JSON body, or null when the API does not serve that view (404). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> get(RestClient http, String uri) {
        ResponseEntity<Map> response = http.get().uri(uri).retrieve()
                .onStatus(HttpStatusCode::isError, (request, reply) -> {
                })
                .toEntity(Map.class);
        if (response.getStatusCode().value() == 404) return null;
        if (!response.getStatusCode().is2xxSuccessful()) {
            throw new AssertionError(uri + " answered " + response.getStatusCode() + ": " + response.getBody());
        }
        return response.getBody();
    }

    private void overview(Map<String, Object> overview) {
        panels.put("panel-overview", "ready");
        put("kpi-reports", overview.get("reports"));
        put("kpi-counselling", map(overview, "contacts").get("COUNSELLING"));
        put("kpi-cases", overview.get("cases"));
        put("kpi-referrals", overview.get("referrals"));
        put("kpi-completed", map(overview, "casesByStatus").get("COMPLETED"));
        put("kpi-overdue", overview.get("openOverdueReferrals"));
        map(overview, "bySeverity").forEach((code, n) -> put("severity-" + code, n));
        map(overview, "byChannel").forEach((code, n) -> put("channel-" + code, n));
        map(overview, "casesByStatus").forEach((code, n) -> put("status-" + code, n));
        map(overview, "byRole").forEach((code, n) -> put("role-" + code, n));
    }

    private void timeseries(Map<String, Object> body) {
        List<Map<String, Object>> buckets = list(body, "buckets");
        panels.put("panel-timeseries", state(body, buckets));
        buckets.forEach(bucket -> SERIES.forEach(series ->
                put("timeseries-" + bucket.get("period") + "-" + series, bucket.get(series))));
    }

    private void breakdown(String panel, String prefix, Map<String, Object> body, Map<String, Object> fallback) {
        if (body != null) {
            List<Map<String, Object>> rows = list(body, "rows");
            panels.put(panel, rows.isEmpty() ? "empty" : "ready");
            rows.forEach(row -> {
                put(prefix + "-" + row.get("key") + "-cases", row.get("cases"));
                put(prefix + "-" + row.get("key") + "-referrals", row.get("referrals"));
            });
            return;
        }
        // the page falls back on the overview's contact counts while the breakdown view is not served
        if (fallback == null) {
            panels.put(panel, "unavailable");
            return;
        }
        Map<String, Object> nonZero = new LinkedHashMap<>();
        fallback.forEach((key, n) -> {
            if (((Number) n).longValue() > 0) nonZero.put(key, n);
        });
        panels.put(panel, nonZero.isEmpty() ? "empty" : "ready");
        nonZero.forEach((key, n) -> put(prefix + "-" + key + "-contacts", n));
    }

    private void funnel(Map<String, Object> body) {
        List<Map<String, Object>> rows = list(body, "rows");
        panels.put("panel-funnel", state(body, rows));
        rows.forEach(row -> {
            String agency = "funnel-" + row.get("agency") + "-";
            FUNNEL_COUNTS.forEach(count -> put(agency + count, row.get(count)));
            put(agency + "timeToAcknowledge-median", map(row, "timeToAcknowledge").get("medianMinutes"));
            put(agency + "timeToComplete-median", map(row, "timeToComplete").get("medianMinutes"));
            Map<String, Object> onTime = map(row, "onTime");
            DEADLINES.forEach(kind -> put(agency + "onTime-" + kind, map(onTime, kind).get("share")));
        });
    }

    private void indicators(Map<String, Object> body) {
        List<Map<String, Object>> indicators = list(body, "indicators");
        panels.put("panel-indicators", state(body, indicators));
        indicators.forEach(indicator -> {
            String id = "indicator-" + indicator.get("id") + "-";
            put(id + "value", indicator.get("value"));
            put(id + "target", indicator.get("target"));
            put(id + "numerator", indicator.get("numerator"));
            put(id + "denominator", indicator.get("denominator"));
            put(id + "met", indicator.get("value") == null ? null : String.valueOf(indicator.get("met")));
        });
    }

    private void overdue(Map<String, Object> body) {
        List<Map<String, Object>> rows = list(body, "rows");
        panels.put("panel-overdue", state(body, rows));
        put("overdue-count", body == null ? null : rows.size());
        rows.forEach(row -> figures.put("overdue-row-" + row.get("referralId"), ""));
    }

    private void repeats(Map<String, Object> body) {
        List<Map<String, Object>> rows = list(body, "rows");
        panels.put("panel-repeats", state(body, rows));
        put("repeats-count", body == null ? null : rows.size());
        rows.forEach(row -> put("repeat-" + row.get("kind") + "-" + row.get("key") + "-cases", row.get("cases")));
    }

    private void put(String testId, Object value) {
        figures.put(testId, value == null ? "" : String.valueOf(value));
    }

    private static String state(Map<String, Object> body, List<?> rows) {
        if (body == null) return "unavailable";
        return rows.isEmpty() ? "empty" : "ready";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> body, String key) {
        Object value = body == null ? null : body.get(key);
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static Map<String, Object> mapOrNull(Map<String, Object> body, String key) {
        return body.get(key) instanceof Map<?, ?> ? map(body, key) : null;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> body, String key) {
        Object value = body == null ? null : body.get(key);
        return value instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }
}
