package vn.childprotection.platform.deploy.bench;

import vn.childprotection.platform.areas.AdministrativeMap;
import vn.childprotection.platform.areas.AreaMapsLoader;
import vn.childprotection.platform.areas.AreaUnit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Realistic hotline reports for the benchmark: the concerns, severities, channels and areas of the domain reference
 * (domain README: the concern table of the Law on Children 2016 Art 10, the severities of S0 Art 5.4,
 * the 111 hotline and local lines, the four seed provinces' successors with their communes on the map in force today), with
 * Vietnamese names and narratives. The weights are the benchmark's assumption (the seeds give no shares): violence,
 * neglect and sexual abuse lead, as in the provinces' plans (S2 B.I, S4 IV); a quarter of the contacts are
 * counselling only (counted, never routed: domain README "The flow a case takes" 1).
 *
 * <p>A report is about 1 KB of UTF-8 JSON, like the ones the hotline systems send.
 */
public final class ReportMix {

    /** A generated report: its id, whether it will be routed (INTERVENTION) and its JSON body. */
    public record Report(UUID reportId, boolean intervention, boolean emergency, String body) {
    }

    private record Weighted<T>(T value, int weight) {
    }

    private static final List<Weighted<String>> CONCERNS = List.of(
            w("VIOLENCE", 22), w("SEXUAL_ABUSE", 12), w("NEGLECT", 12), w("DOMESTIC_VIOLENCE", 10),
            w("ONLINE_ABUSE", 8), w("EXPLOITATION", 6), w("SCHOOL_DROPOUT_WORK", 5), w("ABANDONED", 4),
            w("DISABILITY", 4), w("ORPHAN_NO_SUPPORT", 4), w("LEGAL_CIVIL_STATUS", 3), w("INJURY_ACCIDENT", 3),
            w("TRAFFICKING", 2), w("IN_CONFLICT_WITH_LAW", 2), w("OTHER", 2), w("DRUG_USE", 1), w("HIV_AIDS", 1),
            w("SERIOUS_ILLNESS_POOR", 1), w("MIGRANT_UNACCOMPANIED", 1));
    private static final List<Weighted<String>> SEVERITIES = List.of(w("NORMAL", 60), w("HIGH", 30), w("EMERGENCY", 10));
    private static final List<Weighted<String>> CHANNELS = List.of(
            w("HOTLINE_111", 70), w("LOCAL_HOTLINE", 10), w("ONLINE", 10), w("WALK_IN", 5), w("AGENCY", 5));
    private static final List<Weighted<String>> RELATIONSHIPS = List.of(
            w("NEIGHBOUR", 25), w("PARENT", 15), w("RELATIVE", 15), w("TEACHER", 15), w("SELF", 10),
            w("COMMUNITY_WORKER", 10), w("PROFESSIONAL", 5), w("FRIEND", 5));
    /**
     * Province → its communes on the map in force today (the two-level map from 1 July 2025): Hà Nội 01, An Giang 91,
     * Điện Biên 11, Thái Nguyên 19 (the seed provinces' successors).
     */
    private static final List<Weighted<String[]>> PROVINCES = List.of(communes("01", 40), communes("91", 25),
            communes("11", 20), communes("19", 15));
    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
            "Đặng", "Bùi", "Đỗ", "Lò", "Lường", "Hà"};
    private static final String[] MIDDLE = {"Thị", "Văn", "Đức", "Ngọc", "Minh", "Thu", "Quốc", "Thanh"};
    private static final String[] GIVEN = {"Hoa", "Lan", "Minh", "Tuấn", "Hùng", "Mai", "Linh", "Nam", "Phương",
            "Dũng", "Trang", "Khánh", "Yến", "Sơn", "Thảo"};
    private static final String[] NARRATIVES = {
            "Hàng xóm nghe thấy tiếng kêu cứu của cháu bé vào ban đêm. Cháu có vết bầm trên tay và không dám về nhà.",
            "Giáo viên chủ nhiệm phát hiện em nghỉ học nhiều ngày, đi làm thuê ở xưởng gỗ, thường xuyên bị la mắng.",
            "Cháu bị một người lạ trên mạng xã hội đe dọa đăng ảnh nhạy cảm nếu không gửi tiền. Gia đình rất lo lắng.",
            "Người mẹ cho biết chồng say rượu thường đánh vợ và con, cháu bé sợ hãi, ăn ngủ kém, có dấu hiệu trầm cảm.",
            "Cán bộ thôn báo có cháu bé bị bỏ lại ở trạm y tế xã từ sáng, chưa xác định được người thân của cháu.",
            "Cháu mồ côi cả cha lẫn mẹ, đang ở với bà ngoại già yếu, không có nguồn thu nhập, cần được hỗ trợ khẩn cấp.",
            "Em gái bị người quen của gia đình có hành vi xâm hại, gia đình chưa trình báo công an vì sợ bị dị nghị.",
            "Cháu bị tai nạn đuối nước được cứu kịp, gia đình nghèo không có tiền chữa trị tiếp tại bệnh viện huyện."};

    private ReportMix() {
    }

    private static Weighted<String[]> communes(String province, int weight) {
        AdministrativeMap today = AreaMapsLoader.shipped().inForce(LocalDate.now(ZoneOffset.ofHours(7)));
        return w(Stream.concat(Stream.of(province), today.communesOf(province).stream().map(AreaUnit::code))
                .toArray(String[]::new), weight);
    }

    private static <T> Weighted<T> w(T value, int weight) {
        return new Weighted<>(value, weight);
    }

    private static <T> T pick(List<Weighted<T>> options, ThreadLocalRandom random) {
        int total = 0;
        for (Weighted<T> option : options) {
            total += option.weight();
        }
        int roll = random.nextInt(total);
        for (Weighted<T> option : options) {
            roll -= option.weight();
            if (roll < 0) {
                return option.value();
            }
        }
        return options.getLast().value();
    }

    private static String name(ThreadLocalRandom random) {
        return FAMILY[random.nextInt(FAMILY.length)] + " " + MIDDLE[random.nextInt(MIDDLE.length)] + " "
                + GIVEN[random.nextInt(GIVEN.length)];
    }

    /** A new report received by the hotline in the last hour. */
    public static Report next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        UUID reportId = UUID.randomUUID();
        boolean intervention = random.nextInt(100) < 75;
        String first = pick(CONCERNS, random);
        String concerns = "\"" + first + "\"";
        if (random.nextInt(100) < 20) {
            String second = pick(CONCERNS, random);
            if (!second.equals(first)) {
                concerns += ",\"" + second + "\"";
            }
        }
        String severity = pick(SEVERITIES, random);
        String[] province = pick(PROVINCES, random);
        String commune = province[1 + random.nextInt(province.length - 1)];
        boolean anonymous = random.nextInt(100) < 15;
        String reporter = anonymous
                ? "{\"relationship\":\"" + pick(RELATIONSHIPS, random) + "\",\"anonymous\":true,\"wantsFeedback\":false}"
                : "{\"fullName\":\"" + name(random) + "\",\"phone\":\"09" + (10_000_000 + random.nextInt(89_999_999))
                + "\",\"relationship\":\"" + pick(RELATIONSHIPS, random) + "\",\"anonymous\":false,\"wantsFeedback\":"
                + random.nextBoolean() + "}";
        String narrative = NARRATIVES[random.nextInt(NARRATIVES.length)] + " "
                + NARRATIVES[random.nextInt(NARRATIVES.length)] + " " + NARRATIVES[random.nextInt(NARRATIVES.length)];
        OffsetDateTime receivedAt = OffsetDateTime.now(ZoneOffset.ofHours(7))
                .minusSeconds(60 + random.nextInt(3600)).withNano(0);
        String body = "{\"reportId\":\"" + reportId + "\",\"receivedAt\":\"" + receivedAt + "\",\"channel\":\""
                + pick(CHANNELS, random) + "\",\"contactType\":\"" + (intervention ? "INTERVENTION" : "COUNSELLING")
                + "\",\"concerns\":[" + concerns + "],\"severity\":\"" + severity
                + "\",\"location\":{\"provinceCode\":\"" + province[0] + "\",\"communeCode\":\"" + commune + "\"},"
                + "\"child\":{\"fullName\":\"" + name(random) + "\",\"sex\":\"" + (random.nextBoolean() ? "FEMALE" : "MALE")
                + "\",\"ageYears\":" + random.nextInt(18) + "},\"reporter\":" + reporter
                + ",\"narrative\":\"" + narrative + "\"}";
        return new Report(reportId, intervention, "EMERGENCY".equals(severity), body);
    }
}
