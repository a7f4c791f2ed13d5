package vn.childprotection.platform.reporting.adapter.in.web;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.childprotection.platform.reporting.domain.Csv;
import vn.childprotection.platform.reporting.domain.Indicators;
import vn.childprotection.platform.reporting.domain.Overview;
import vn.childprotection.platform.reporting.domain.Views;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Every view as a CSV table: one header row, one row per table row (UTF-8 with BOM, {@link Csv}). */
final class CsvViews {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private CsvViews() {
    }

    static ResponseEntity<byte[]> attachment(String view, String period, Csv csv) {
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(view + "-" + period + ".csv").build().toString())
                .body(csv.bytes());
    }

    static Csv overview(Overview o) {
        Csv csv = new Csv().row("table", "key", "count");
        csv.row("total", "reports", o.reports()).row("total", "cases", o.cases())
                .row("total", "referrals", o.referrals())
                .row("total", "openOverdueReferrals", o.openOverdueReferrals())
                .row("total", "notificationsDelivered", o.notificationsDelivered())
                .row("total", "notificationsFailed", o.notificationsFailed());
        table(csv, "contacts", o.contacts());
        table(csv, "byAgency", o.byAgency());
        table(csv, "byConcern", o.byConcern());
        table(csv, "bySeverity", o.bySeverity());
        table(csv, "byChannel", o.byChannel());
        table(csv, "byProvince", o.byProvince());
        table(csv, "byDistrict", o.byDistrict());
        table(csv, "byCommune", o.byCommune());
        table(csv, "byRole", o.byRole());
        table(csv, "casesByStatus", o.casesByStatus());
        return csv;
    }

    private static void table(Csv csv, String name, Map<String, Long> counts) {
        counts.forEach((key, n) -> csv.row(name, key, n));
    }

    static Csv timeseries(Views.Timeseries t) {
        Csv csv = new Csv().row("period", "contacts", "counselling", "interventions", "cases", "referrals",
                "completedCases");
        t.buckets().forEach(b -> csv.row(b.period(), b.contacts(), b.counselling(), b.interventions(), b.cases(),
                b.referrals(), b.completedCases()));
        return csv;
    }

    static Csv breakdown(Views.Breakdown b) {
        Csv csv = new Csv().row(b.by(), "cases", "referrals", "contacts", "group");
        b.rows().forEach(r -> csv.row(r.key(), r.cases(), r.referrals(), r.contacts(), r.group()));
        return csv;
    }

    static Csv funnel(List<Views.FunnelRow> rows) {
        Csv csv = new Csv().row("agency", "issued", "acknowledged", "accepted", "inProgress", "completed",
                "declined", "forwarded", "declineReasons", "forwardReasons", "ackCount", "ackMedianMinutes",
                "ackP90Minutes", "acceptCount", "acceptMedianMinutes", "acceptP90Minutes", "completeCount",
                "completeMedianMinutes", "completeP90Minutes", "ackDue", "ackMet", "ackShare", "emergencyDue",
                "emergencyMet", "emergencyShare", "supportPlanDue", "supportPlanMet", "supportPlanShare",
                "openOverdue");
        for (Views.FunnelRow r : rows) {
            Views.OnTime ack = r.onTime().get("ACKNOWLEDGEMENT");
            Views.OnTime em = r.onTime().get("EMERGENCY_MEASURES");
            Views.OnTime sp = r.onTime().get("SUPPORT_PLAN");
            csv.row(r.agency(), r.issued(), r.acknowledged(), r.accepted(), r.inProgress(), r.completed(),
                    r.declined(), r.forwarded(), reasons(r.declineReasons()), reasons(r.forwardReasons()),
                    r.timeToAcknowledge().count(), r.timeToAcknowledge().medianMinutes(),
                    r.timeToAcknowledge().p90Minutes(), r.timeToAccept().count(), r.timeToAccept().medianMinutes(),
                    r.timeToAccept().p90Minutes(), r.timeToComplete().count(), r.timeToComplete().medianMinutes(),
                    r.timeToComplete().p90Minutes(), ack.due(), ack.met(), ack.share(), em.due(), em.met(),
                    em.share(), sp.due(), sp.met(), sp.share(), r.openOverdue());
        }
        return csv;
    }

    private static String reasons(Map<String, Long> reasons) {
        StringBuilder text = new StringBuilder();
        reasons.forEach((code, n) -> text.append(text.isEmpty() ? "" : "; ").append(code).append('=').append(n));
        return text.toString();
    }

    static Csv indicators(List<Indicators.Value> values) {
        Csv csv = new Csv().row("id", "label_vi", "label_en", "source", "target", "comparator", "value",
                "numerator", "denominator", "met", "unit");
        values.forEach(v -> csv.row(v.id(), v.label().get("vi"), v.label().get("en"), v.source(), v.target(),
                v.comparator(), v.value(), v.numerator(), v.denominator(), v.met(), v.unit()));
        return csv;
    }

    static Csv overdue(List<Views.OverdueRow> rows) {
        Csv csv = new Csv().row("caseId", "referralId", "agency", "unitId", "areaCode", "provinceCode",
                "districtCode", "severity", "deadline", "dueAt", "stage", "overdueMinutes");
        rows.forEach(r -> csv.row(r.caseId(), r.referralId(), r.agency(), r.unitId(), r.areaCode(),
                r.provinceCode(), r.districtCode(), r.severity(), r.deadline(), r.dueAt(), r.stage(),
                r.overdueMinutes()));
        return csv;
    }

    static Csv repeats(List<Views.RepeatRow> rows) {
        Csv csv = new Csv().row("kind", "key", "provinceCode", "districtCode", "cases", "firstAt", "lastAt");
        rows.forEach(r -> csv.row(r.kind(), r.key(), r.provinceCode(), r.districtCode(), r.cases(), r.firstAt(),
                r.lastAt()));
        return csv;
    }
}
