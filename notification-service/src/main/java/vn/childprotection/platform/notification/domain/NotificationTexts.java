package vn.childprotection.platform.notification.domain;

import vn.childprotection.platform.contracts.EscalationRaised.DeadlineKind;
import vn.childprotection.platform.contracts.ReferralOutcome;
import vn.childprotection.platform.contracts.Severity;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Vietnamese texts of notifications (e-mail subject and body, SMS). Agency texts carry ids, codes, the kind, the
 * agency, the severity and the deadlines in Việt Nam time (Asia/Ho_Chi_Minh) — never the child's name or the
 * narrative, which this service never holds. The informant's SMS says, in words the informant may hear, that the
 * case they reported was handled, the outcome category ({@link #outcomeSentence}) and the hotline 111 for questions
 * — never an agency's note, reason, unit or any id (S0 Art 7.2).
 */
public final class NotificationTexts {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    /** The national child-protection hotline (free, 24/7). */
    public static final String HOTLINE = "111";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy")
            .withZone(VIETNAM);

    private NotificationTexts() {
    }

    /** A time as Việt Nam reads it: {@code 09:15 ngày 10/03/2025 (giờ Việt Nam)}. */
    public static String vietnamTime(Instant instant) {
        return WHEN.format(instant) + " (giờ Việt Nam)";
    }

    public static String subject(Notification n) {
        String severity = n.details().severity() == null ? "" : " [" + severity(n.details().severity()) + "]";
        return "[CPRP] " + title(n) + severity + " - hồ sơ " + n.caseId();
    }

    /** The e-mail body and SMS text for agency recipients and the coordinator; the informant's own text otherwise. */
    public static String body(Notification n) {
        if (n.role() == RecipientRole.INFORMANT) {
            return informantSms(n.details().outcomes());
        }
        NotificationDetails d = n.details();
        StringBuilder text = new StringBuilder();
        text.append(title(n)).append(" (").append(n.kind().name()).append(").\n");
        text.append("Mã hồ sơ: ").append(n.caseId()).append('\n');
        if (n.referralId() != null) {
            text.append("Mã chuyển tuyến: ").append(n.referralId()).append('\n');
        }
        if (n.agency() != null) {
            text.append("Cơ quan: ").append(n.agency());
            if (n.areaCode() != null) {
                text.append(" (địa bàn ").append(n.areaCode()).append(')');
            }
            text.append('\n');
        }
        if (d.severity() != null) {
            text.append("Mức độ: ").append(severity(d.severity())).append('\n');
        }
        text.append(action(n)).append('\n');
        if (d.dueAt() != null && d.stage() == null) {
            text.append("Hạn xác nhận tiếp nhận: ").append(vietnamTime(d.dueAt())).append('\n');
        }
        for (NotificationDetails.Due due : d.deadlines()) {
            text.append("Hạn ").append(deadline(due.kind())).append(": ").append(vietnamTime(due.dueAt()))
                    .append('\n');
        }
        text.append("Người nhận: ").append(role(n.role())).append('\n');
        text.append("Mã thông báo: ").append(n.notificationId()).append('\n');
        text.append("Xem chi tiết trong hệ thống quản lý ca của cơ quan. Không trả lời thư này.");
        return text.toString();
    }

    /** A short text for an SMS to a duty phone or the informant. */
    public static String sms(Notification n) {
        if (n.role() == RecipientRole.INFORMANT) {
            return informantSms(n.details().outcomes());
        }
        NotificationDetails d = n.details();
        StringBuilder text = new StringBuilder("CPRP ").append(title(n)).append(": hồ sơ ").append(n.caseId());
        if (n.agency() != null) {
            text.append(", ").append(n.agency());
        }
        if (d.severity() != null) {
            text.append(", mức độ ").append(severity(d.severity()));
        }
        NotificationDetails.Due first = d.deadlines().isEmpty() ? null : d.deadlines().getFirst();
        if (first != null) {
            text.append(", hạn ").append(deadline(first.kind())).append(' ').append(vietnamTime(first.dueAt()));
        } else if (d.dueAt() != null) {
            text.append(", hạn tiếp nhận ").append(vietnamTime(d.dueAt()));
        }
        return text.append(". Mã TB ").append(n.notificationId()).append('.').toString();
    }

    /** The informant's SMS: handled, the outcome categories in plain words, the hotline. Nothing else. */
    public static String informantSms(List<ReferralOutcome> outcomes) {
        String result = outcomes.isEmpty()
                ? "Các cơ quan chức năng đã hoàn tất việc xử lý."
                : outcomes.stream().map(NotificationTexts::outcomeSentence).distinct()
                .collect(Collectors.joining(" "));
        return "Tổng đài " + HOTLINE + ": Trường hợp trẻ em bạn đã báo tin đã được các cơ quan chức năng xử lý. "
                + result + " Mọi thắc mắc xin gọi " + HOTLINE + " (miễn phí). Cảm ơn bạn đã báo tin.";
    }

    /** One short sentence per outcome, in words the informant may hear (S0 Art 7.2). */
    public static String outcomeSentence(ReferralOutcome outcome) {
        return switch (outcome) {
            case SUPPORT_PROVIDED -> "Trẻ đã được hỗ trợ, can thiệp.";
            case EMERGENCY_PROTECTION_APPLIED -> "Trẻ đã được áp dụng biện pháp bảo vệ khẩn cấp.";
            case ALTERNATIVE_CARE_ARRANGED -> "Trẻ đã được bố trí chăm sóc an toàn.";
            case REFERRED_TO_SERVICES -> "Trẻ và gia đình đã được kết nối với các dịch vụ phù hợp.";
            case LEGAL_ACTION_TAKEN -> "Vụ việc đã được chuyển cơ quan có thẩm quyền xử lý theo pháp luật.";
            case NO_PROTECTION_NEED_FOUND -> "Cơ quan chức năng đã xác minh và chưa thấy trẻ cần can thiệp bảo vệ.";
            case CHILD_NOT_FOUND -> "Cơ quan chức năng chưa tìm được trẻ với thông tin đã cung cấp.";
        };
    }

    static String title(Notification n) {
        return switch (n.kind()) {
            case REFERRAL_ISSUED -> "Chuyển tuyến mới";
            case FORWARDED -> n.details().isTriageAfterDecline()
                    ? "Chuyển lại cơ quan thường trực để phân loại"
                    : "Hồ sơ được chuyển tiếp";
            case OVERDUE_REMINDER -> "Nhắc hạn xử lý";
            case ESCALATION -> n.details().isNoAgencyLeft() ? "Không còn cơ quan xử lý"
                    : n.details().stage() != null ? "Báo cáo vượt cấp: quá hạn xử lý" : "Báo cáo khẩn";
            case OUTCOME_TO_INFORMANT -> "Kết quả xử lý";
        };
    }

    private static String action(Notification n) {
        NotificationDetails d = n.details();
        return switch (n.kind()) {
            case REFERRAL_ISSUED -> "Hồ sơ được chuyển đến cơ quan để xử lý theo thẩm quyền (Điều 7.2, 9.5).";
            case FORWARDED -> (d.isTriageAfterDecline()
                    ? "Chuyển tuyến trước bị từ chối; hồ sơ được chuyển lại cơ quan thường trực để phân loại (Điều 8.4)."
                    : "Hồ sơ được chuyển tiếp từ cơ quan khác đến cơ quan có thẩm quyền (Điều 7.2).")
                    + (d.forwardedFrom() == null ? "" : " Thay cho chuyển tuyến " + d.forwardedFrom() + ".");
            case OVERDUE_REMINDER -> "Chuyển tuyến đã quá hạn mà chưa được xử lý. Đề nghị xử lý ngay.";
            case ESCALATION -> d.isNoAgencyLeft()
                    ? "Cơ quan thường trực cấp tỉnh đã từ chối chuyển tuyến " + d.forwardedFrom() + "; không còn cơ quan "
                    + "nào xử lý, Phó Ban thường trực quyết định (Điều 8.4, 5.4)."
                    : d.stage() != null
                    ? "Chuyển tuyến vẫn chưa được xử lý sau thời gian gia hạn; báo cáo Phó Ban thường trực (Điều 5.4)."
                    : "Trường hợp trẻ em bị tổn hại nghiêm trọng hoặc có nguy cơ; báo cáo ngay Phó Ban thường trực "
                    + "(Điều 5.4).";
            case OUTCOME_TO_INFORMANT -> "";
        };
    }

    static String severity(Severity severity) {
        return switch (severity) {
            case EMERGENCY -> "KHẨN CẤP";
            case HIGH -> "CAO";
            case NORMAL -> "BÌNH THƯỜNG";
        };
    }

    static String deadline(DeadlineKind kind) {
        return switch (kind) {
            case EMERGENCY_MEASURES -> "áp dụng biện pháp khẩn cấp (NĐ 56/2017 Điều 26.3)";
            case SUPPORT_PLAN -> "lập kế hoạch hỗ trợ (NĐ 56/2017 Điều 28.1)";
            case ACKNOWLEDGEMENT -> "xác nhận tiếp nhận";
        };
    }

    static String role(RecipientRole role) {
        return switch (role) {
            case FOCAL_POINT -> "đầu mối của cơ quan";
            case BACKUP_FOCAL_POINT -> "đầu mối dự phòng của cơ quan";
            case COORDINATOR -> "Phó Ban thường trực (điều phối)";
            case AGENCY_SYSTEM -> "hệ thống của cơ quan";
            case INFORMANT -> "người báo tin";
        };
    }
}
