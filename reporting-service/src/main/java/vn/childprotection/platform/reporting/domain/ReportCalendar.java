package vn.childprotection.platform.reporting.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which periodic report is due when, per the province's regulation (S0 Art 9.4 for Điện Biên: quarterly before
 * 15/3, 6-monthly before 15/6, yearly before 15/12; S2 B.VIII.1 for An Giang: 20/3, 20/5, 15/11; S4 V for the city
 * of Điện Biên Phủ: yearly before 20/11), with a national policy default for provinces whose texts set none. Data
 * ({@code reporting/reporting-calendar.json}), validated at start-up.
 */
public record ReportCalendar(Map<String, Province> provinces, Province national) {

    /** The kinds of periodic report the platform produces. */
    public static final Set<String> KINDS = Set.of("QUARTER", "HALF_YEAR", "YEAR");

    /**
     * @param due       period key ({@code Q1}…{@code Q4}, {@code H1}, {@code H2}, {@code Y}) → {@code MM-dd}
     * @param inferred  period keys whose date is not printed in the source but inferred by analogy
     * @param qualifier {@code before} (trước ngày) or {@code on} (vào ngày)
     * @param level     {@code province}, or {@code district} with {@code areaCodes}
     */
    public record Entry(String id, String kind, Map<String, String> due, List<String> inferred, String qualifier,
                        String source, String document, String recipient, String level, List<String> areaCodes) {
        public Entry {
            due = due == null ? Map.of() : Map.copyOf(due);
            inferred = inferred == null ? List.of() : List.copyOf(inferred);
            areaCodes = areaCodes == null ? List.of() : List.copyOf(areaCodes);
        }
    }

    public record Province(String name, boolean policyDefault, List<Entry> reports) {
        public Province {
            reports = reports == null ? List.of() : List.copyOf(reports);
        }
    }

    public record DueReport(String id, String kind, String period, LocalDate dueDate, String qualifier,
                            String source, String document, String recipient, String level,
                            List<String> areaCodes, boolean inferred, boolean policyDefault) {
    }

    public ReportCalendar {
        provinces = provinces == null ? Map.of() : Map.copyOf(provinces);
    }

    /** The reports due in {@code year} for the province (its own calendar, else the national default). */
    public List<DueReport> dueIn(String province, int year) {
        Province own = provinces.get(province);
        boolean policy = own == null || own.reports().isEmpty();
        Province calendar = policy ? national : own;
        List<DueReport> due = new ArrayList<>();
        for (Entry entry : calendar.reports()) {
            entry.due().forEach((key, monthDay) -> {
                MonthDay md = MonthDay.parse("--" + monthDay);
                due.add(new DueReport(entry.id(), entry.kind(), periodLabel(year, key), md.atYear(year),
                        entry.qualifier(), entry.source(), entry.document(), entry.recipient(), entry.level(),
                        entry.areaCodes(), entry.inferred().contains(key), policy || calendar.policyDefault()));
            });
        }
        due.sort(Comparator.comparing(DueReport::dueDate).thenComparing(DueReport::kind)
                .thenComparing(DueReport::id));
        return due;
    }

    private static String periodLabel(int year, String key) {
        return "Y".equals(key) ? String.valueOf(year) : year + "-" + key;
    }

    /** Everything wrong with the data; empty when it can be served. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (national == null || national.reports().isEmpty()) {
            problems.add("a national default calendar is required");
        }
        Map<String, Province> all = new java.util.HashMap<>(provinces);
        if (national != null) all.put("national", national);
        all.forEach((code, province) -> {
            if (!"national".equals(code) && !code.matches("[0-9]{2}")) problems.add(code + ": not a province code");
            for (Entry e : province.reports()) {
                String at = code + "/" + e.id();
                if (!KINDS.contains(e.kind())) problems.add(at + ": kind " + e.kind());
                if (e.source() == null || e.source().isBlank()) problems.add(at + ": source clause missing");
                if (e.due().isEmpty()) problems.add(at + ": no due dates");
                e.due().forEach((key, md) -> {
                    if (!keyMatches(e.kind(), key)) problems.add(at + ": period " + key + " for " + e.kind());
                    try {
                        MonthDay.parse("--" + md);
                    } catch (DateTimeException bad) {
                        problems.add(at + ": due " + md + " is not MM-dd");
                    }
                });
            }
        });
        return problems;
    }

    public ReportCalendar validated() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("invalid reporting calendar: " + problems);
        }
        return this;
    }

    private static boolean keyMatches(String kind, String key) {
        return switch (String.valueOf(kind)) {
            case "QUARTER" -> key.matches("Q[1-4]");
            case "HALF_YEAR" -> key.matches("H[12]");
            case "YEAR" -> "Y".equals(key);
            default -> false;
        };
    }
}
