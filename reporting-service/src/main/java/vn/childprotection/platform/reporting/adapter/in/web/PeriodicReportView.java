package vn.childprotection.platform.reporting.adapter.in.web;

import vn.childprotection.platform.reporting.application.StatsService.PeriodicReport;
import vn.childprotection.platform.reporting.domain.Csv;
import vn.childprotection.platform.reporting.domain.Indicators;
import vn.childprotection.platform.reporting.domain.Overview;
import vn.childprotection.platform.reporting.domain.ReportCalendar;
import vn.childprotection.platform.reporting.domain.ReportingCalendar;
import vn.childprotection.platform.reporting.domain.Views;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The periodic report as printable HTML (A4, print CSS, Vietnamese labels; every value HTML-escaped) and as CSV.
 * Codes are shown as codes next to their Vietnamese label where one is known.
 */
final class PeriodicReportView {

    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(ReportingCalendar.ZONE);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Map<String, String> BREAKDOWN_TITLES = Map.of(
            "district", "Theo huyện/quận", "commune", "Theo xã/phường/đặc khu",
            "concern", "Theo vấn đề (Luật Trẻ em Điều 10 và vấn đề khác)",
            "agency", "Theo cơ quan", "severity", "Theo mức độ nghiêm trọng", "channel", "Theo kênh tiếp nhận");
    private static final Map<String, String> DEADLINES = Map.of(
            "ACKNOWLEDGEMENT", "Xác nhận tiếp nhận (mặc định chính sách)",
            "EMERGENCY_MEASURES", "Biện pháp khẩn cấp (NĐ 56/2017 Điều 26.3)",
            "SUPPORT_PLAN", "Kế hoạch hỗ trợ (NĐ 56/2017 Điều 28.1)");

    private PeriodicReportView() {
    }

    static String html(PeriodicReport r) {
        StringBuilder h = new StringBuilder(16_384);
        Overview o = r.overview();
        h.append("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>")
                .append(esc("Báo cáo định kỳ " + r.period().label() + " – " + r.provinceName()))
                .append("</title><style>")
                .append("@page{size:A4;margin:18mm 15mm}body{font-family:'Times New Roman',serif;font-size:11pt;"
                        + "color:#000;max-width:180mm;margin:auto}h1{font-size:15pt;text-align:center;margin:0 0 4pt}"
                        + "h2{font-size:12pt;margin:14pt 0 4pt;page-break-after:avoid}table{border-collapse:collapse;"
                        + "width:100%;margin-bottom:6pt;page-break-inside:auto}tr{page-break-inside:avoid}"
                        + "th,td{border:1px solid #444;padding:2pt 4pt;text-align:left;vertical-align:top}"
                        + "td.n,th.n{text-align:right}.meta{text-align:center;margin-bottom:8pt}"
                        + ".sources{font-size:9pt}@media screen{body{padding:12px}}")
                .append("</style></head><body>");
        h.append("<header><h1>BÁO CÁO ĐỊNH KỲ CÔNG TÁC BẢO VỆ TRẺ EM</h1><div class=\"meta\">Tỉnh: <strong>")
                .append(esc(r.provinceName())).append("</strong> (").append(esc(r.province()))
                .append(") · Kỳ báo cáo: <strong>").append(esc(periodVi(r))).append("</strong> (")
                .append(esc(r.period().from().toString())).append(" – ").append(esc(r.period().to().toString()))
                .append(")<br>Lập lúc: ").append(esc(GENERATED.format(r.generatedAt())))
                .append(" (giờ Việt Nam)</div>");
        h.append("<p class=\"sources\">Căn cứ: QĐ 349/QĐ-UBND Điện Biên (S0) Điều 4.7, 9.4; QĐ 535/QĐ-UBND An Giang "
                + "(S2) B.VIII.1; NĐ 56/2017/NĐ-CP Điều 26.3, 28.1.");
        for (ReportCalendar.DueReport due : r.due()) {
            h.append(" Hạn nộp: ").append(esc(due.dueDate().toString())).append(" (")
                    .append(esc(due.source())).append(due.inferred() ? ", suy luận" : "").append(").");
        }
        h.append("</p></header>");

        h.append("<h2>1. Tổng hợp</h2><table><tbody>");
        row(h, "Tổng số cuộc gọi/tiếp nhận", o.reports());
        row(h, "Tư vấn", o.contacts().get("COUNSELLING"));
        row(h, "Kết nối can thiệp (vụ việc)", o.cases());
        row(h, "Số chuyển gửi đến cơ quan", o.referrals());
        row(h, "Vụ việc đã hoàn thành", o.casesByStatus().get("COMPLETED"));
        row(h, "Chuyển gửi quá hạn đang mở", o.openOverdueReferrals());
        row(h, "Thông báo gửi thất bại", o.notificationsFailed());
        h.append("</tbody></table>");

        int section = 2;
        for (Views.Breakdown b : r.breakdowns()) {
            h.append("<h2>").append(section++).append(". ").append(esc(title(r, b.by())))
                    .append("</h2><table><thead><tr><th>Mã</th><th>Tên</th><th class=\"n\">Vụ việc</th>"
                            + "<th class=\"n\">Chuyển gửi</th><th class=\"n\">Tiếp nhận</th></tr></thead><tbody>");
            if (b.rows().isEmpty()) h.append("<tr><td colspan=\"5\">Không có số liệu</td></tr>");
            for (Views.BreakdownRow row : b.rows()) {
                String name = placeName(r, b.by(), row.key());
                h.append("<tr><td>").append(esc(row.key())).append("</td><td>").append(esc(name))
                        .append("</td><td class=\"n\">").append(row.cases()).append("</td><td class=\"n\">")
                        .append(row.referrals()).append("</td><td class=\"n\">").append(row.contacts())
                        .append("</td></tr>");
            }
            h.append("</tbody></table>");
        }

        h.append("<h2>").append(section++).append(". Chỉ tiêu so với mục tiêu</h2><table><thead><tr><th>Chỉ tiêu</th>"
                + "<th class=\"n\">Kết quả</th><th class=\"n\">Mục tiêu</th><th class=\"n\">Tử số/Mẫu số</th>"
                + "<th>Đạt</th><th>Nguồn</th></tr></thead><tbody>");
        for (Indicators.Value v : r.indicators()) {
            h.append("<tr><td>").append(esc(v.label().get("vi"))).append("</td><td class=\"n\">")
                    .append(v.value() == null ? "—" : percent(v.value())).append("</td><td class=\"n\">")
                    .append(esc(v.comparator())).append(' ').append(percent(v.target()))
                    .append("</td><td class=\"n\">").append(v.numerator()).append('/').append(v.denominator())
                    .append("</td><td>").append(v.met() == null ? "—" : v.met() ? "Đạt" : "Chưa đạt")
                    .append("</td><td>").append(esc(v.source())).append("</td></tr>");
        }
        h.append("</tbody></table>");

        h.append("<h2>").append(section++).append(". Chuyển gửi và tính kịp thời theo cơ quan</h2><table><thead><tr>"
                + "<th>Cơ quan</th><th class=\"n\">Đã gửi</th><th class=\"n\">Xác nhận</th><th class=\"n\">Chấp nhận"
                + "</th><th class=\"n\">Hoàn thành</th><th class=\"n\">Từ chối</th><th class=\"n\">Chuyển tiếp</th>"
                + "<th class=\"n\">Trung vị xác nhận (phút)</th><th>Đúng hạn</th><th class=\"n\">Quá hạn</th>"
                + "</tr></thead><tbody>");
        if (r.funnel().isEmpty()) h.append("<tr><td colspan=\"10\">Không có số liệu</td></tr>");
        for (Views.FunnelRow f : r.funnel()) {
            h.append("<tr><td>").append(esc(f.agency())).append("</td><td class=\"n\">").append(f.issued())
                    .append("</td><td class=\"n\">").append(f.acknowledged()).append("</td><td class=\"n\">")
                    .append(f.accepted()).append("</td><td class=\"n\">").append(f.completed())
                    .append("</td><td class=\"n\">").append(f.declined()).append("</td><td class=\"n\">")
                    .append(f.forwarded()).append("</td><td class=\"n\">")
                    .append(f.timeToAcknowledge().medianMinutes() == null ? "—" : f.timeToAcknowledge().medianMinutes())
                    .append("</td><td>");
            f.onTime().forEach((kind, t) -> {
                if (t.due() > 0) {
                    h.append(esc(DEADLINES.getOrDefault(kind, kind))).append(": ").append(t.met()).append('/')
                            .append(t.due()).append("<br>");
                }
            });
            h.append("</td><td class=\"n\">").append(f.openOverdue()).append("</td></tr>");
        }
        h.append("</tbody></table>");

        h.append("<h2>").append(section).append(". Chuyển gửi quá hạn đang mở</h2><table><thead><tr><th>Vụ việc</th>"
                + "<th>Cơ quan</th><th>Địa bàn</th><th>Thời hạn</th><th>Hạn</th><th class=\"n\">Quá hạn (phút)</th>"
                + "</tr></thead><tbody>");
        if (r.overdue().isEmpty()) h.append("<tr><td colspan=\"6\">Không có</td></tr>");
        for (Views.OverdueRow o2 : r.overdue()) {
            h.append("<tr><td>").append(esc(o2.caseId())).append("</td><td>").append(esc(o2.agency()))
                    .append("</td><td>").append(esc(o2.areaCode())).append("</td><td>")
                    .append(esc(DEADLINES.getOrDefault(o2.deadline(), o2.deadline()))).append("</td><td>")
                    .append(esc(GENERATED.format(o2.dueAt()))).append("</td><td class=\"n\">")
                    .append(o2.overdueMinutes()).append("</td></tr>");
        }
        h.append("</tbody></table></body></html>");
        return h.toString();
    }

    static Csv csv(PeriodicReport r) {
        Csv csv = new Csv().row("section", "key", "name", "value", "cases", "referrals", "target", "source");
        csv.row("header", "province", r.provinceName(), r.province(), null, null, null, null);
        csv.row("header", "period", r.period().label(), r.period().from() + "/" + r.period().to(), null, null, null,
                null);
        csv.row("header", "generatedAt", null, r.generatedAt(), null, null, null, null);
        Overview o = r.overview();
        csv.row("totals", "reports", "Tổng số tiếp nhận", o.reports(), null, null, null, null);
        csv.row("totals", "counselling", "Tư vấn", o.contacts().get("COUNSELLING"), null, null, null, null);
        csv.row("totals", "cases", "Vụ việc can thiệp", o.cases(), null, null, null, null);
        csv.row("totals", "referrals", "Chuyển gửi", o.referrals(), null, null, null, null);
        csv.row("totals", "openOverdueReferrals", "Quá hạn đang mở", o.openOverdueReferrals(), null, null, null,
                null);
        for (Views.Breakdown b : r.breakdowns()) {
            for (Views.BreakdownRow row : b.rows()) {
                csv.row("by-" + b.by(), row.key(), "district".equals(b.by()) || "commune".equals(b.by())
                        ? placeName(r, b.by(), row.key()) : null, row.contacts(), row.cases(), row.referrals(),
                        null, null);
            }
        }
        for (Indicators.Value v : r.indicators()) {
            csv.row("indicator", v.id(), v.label().get("vi"), v.value(), v.numerator(), v.denominator(), v.target(),
                    v.source());
        }
        for (Views.FunnelRow f : r.funnel()) {
            csv.row("funnel", f.agency(), "issued/acknowledged/accepted/completed/declined/forwarded",
                    f.issued() + "/" + f.acknowledged() + "/" + f.accepted() + "/" + f.completed() + "/"
                            + f.declined() + "/" + f.forwarded(), null, f.issued(), null, null);
        }
        for (Views.OverdueRow row : r.overdue()) {
            csv.row("overdue", row.referralId(), row.agency() + " " + row.deadline(), row.overdueMinutes(), null,
                    null, null, null);
        }
        return csv;
    }

    /**
     * A breakdown's title; the places say which days they cover: districts until the three-level map ended
     * (30/06/2025), communes from the day the two-level map began.
     */
    private static String title(PeriodicReport r, String by) {
        String title = BREAKDOWN_TITLES.getOrDefault(by, by);
        java.time.LocalDate lastDay = r.areas().lastDayWithDistricts();
        if (lastDay == null) {
            return title;
        }
        return switch (by) {
            case "district" -> title + " (địa giới đến " + DAY.format(lastDay) + ")";
            case "commune" -> title + " (địa giới từ " + DAY.format(lastDay.plusDays(1)) + ")";
            default -> title;
        };
    }

    private static String placeName(PeriodicReport r, String by, String code) {
        return switch (by) {
            case "district" -> r.areas().districtName(code);
            case "commune" -> r.areas().communeName(code);
            default -> "";
        };
    }

    private static void row(StringBuilder h, String label, Object value) {
        h.append("<tr><th>").append(esc(label)).append("</th><td class=\"n\">")
                .append(esc(String.valueOf(value))).append("</td></tr>");
    }

    private static String periodVi(PeriodicReport r) {
        String label = r.period().label();
        return switch (r.period().kind()) {
            case QUARTER -> "Quý " + label.substring(6) + " năm " + label.substring(0, 4);
            case HALF -> "6 tháng " + (label.endsWith("1") ? "đầu" : "cuối") + " năm " + label.substring(0, 4);
            default -> "Năm " + label;
        };
    }

    private static String percent(double share) {
        return Math.round(share * 1000) / 10.0 + "%";
    }

    static String esc(String text) {
        if (text == null) return "";
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
