package vn.childprotection.platform.intake.domain;

import vn.childprotection.platform.contracts.Child;
import vn.childprotection.platform.contracts.Location;
import vn.childprotection.platform.contracts.Reporter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A SHA-256 digest of a report's content in a canonical form. Intake keeps it instead of the report (which holds
 * personal data) to tell a retry of a report from another report sent under a re-used {@code reportId}.
 *
 * <p>The canonical form is built from the parsed, {@linkplain ReportDraft#normalized() normalized} report, never
 * from the request bytes: JSON key order, white space, escapes and the Unicode form of the text do not change it.
 * It covers exactly what the published event carries, so an equal fingerprint means an identical event: a
 * {@code receivedAt} written with another offset (the same instant) is another report, because the event keeps
 * the caller's offset. The location is taken as given: the event's placed location and placement follow from it and
 * the day of {@code receivedAt} ({@link ReportPolicy}), so a retry of the same body is recognised and placed the
 * same. Each field is written as {@code name=length:value;}, so no value can shift into the next.
 */
public final class Fingerprint {

    /** Names the canonical form; a change of the form is a new version, never a silent edit. */
    static final String VERSION = "intake-report-fingerprint/2";

    private Fingerprint() {
    }

    /** @param report a normalized report that passed {@link ReportPolicy} */
    public static String of(ReportDraft report) {
        return HexFormat.of().formatHex(sha256(canonical(report).getBytes(StandardCharsets.UTF_8)));
    }

    static String canonical(ReportDraft report) {
        Location location = report.location();
        Child child = report.child();
        Reporter reporter = report.reporter();
        return new Canonical()
                .field("version", VERSION)
                .field("reportId", report.reportId())
                .field("receivedAt", report.receivedAt())
                .field("channel", report.channel())
                .field("contactType", report.contactType())
                .field("concerns", report.concerns() == null ? null
                        : report.concerns().stream().map(Enum::name).collect(Collectors.joining(",")))
                .field("severity", report.severity())
                .field("location.provinceCode", location == null ? null : location.provinceCode())
                .field("location.districtCode", location == null ? null : location.districtCode())
                .field("location.communeCode", location == null ? null : location.communeCode())
                .field("child.fullName", child == null ? null : child.fullName())
                .field("child.sex", child == null ? null : child.sex())
                .field("child.ageYears", child == null ? null : child.ageYears())
                .field("reporter.fullName", reporter == null ? null : reporter.fullName())
                .field("reporter.phone", reporter == null ? null : reporter.phone())
                .field("reporter.relationship", reporter == null ? null : reporter.relationship())
                .field("reporter.anonymous", reporter == null ? null : reporter.anonymous())
                .field("reporter.wantsFeedback", reporter == null ? null : reporter.wantsFeedback())
                .field("narrative", report.narrative())
                .toString();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** {@code name=length:value;} per field; an absent value is {@code name=-;}. */
    private static final class Canonical {
        private final StringBuilder text = new StringBuilder(512);

        Canonical field(String name, Object value) {
            text.append(name).append('=');
            if (value == null) {
                text.append('-');
            } else {
                String written = Objects.toString(value);
                text.append(written.length()).append(':').append(written);
            }
            text.append(';');
            return this;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
