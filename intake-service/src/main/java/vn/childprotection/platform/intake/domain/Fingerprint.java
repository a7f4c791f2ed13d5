package vn.childprotection.platform.intake.domain;

import vn.childprotection.platform.contracts.Child;
import vn.childprotection.platform.contracts.Location;
import vn.childprotection.platform.contracts.Reporter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A SHA-256 digest of a report's content in a canonical form: the same report sent twice (whatever the JSON key
 * order, whitespace or offset notation of the same instant) has the same fingerprint; any change of content gives
 * another. It lets intake tell a retry from a different report under a re-used {@code reportId} without keeping
 * the report (which holds personal data).
 */
public final class Fingerprint {

    private static final char SEPARATOR = '\u001f';

    private Fingerprint() {
    }

    public static String of(ReportDraft report) {
        Location location = report.location();
        Child child = report.child();
        Reporter reporter = report.reporter();
        List<Object> parts = List.of(
                "v1",
                report.reportId(),
                report.receivedAt().toInstant(),
                report.channel(),
                report.contactType(),
                report.concerns().stream().map(Enum::name).collect(Collectors.joining(",")),
                report.severity(),
                Objects.toString(location.provinceCode()),
                Objects.toString(location.districtCode()),
                Objects.toString(location.communeCode()),
                Objects.toString(child.fullName()),
                Objects.toString(child.sex()),
                Objects.toString(child.ageYears()),
                Objects.toString(reporter.fullName()),
                Objects.toString(reporter.phone()),
                Objects.toString(reporter.relationship()),
                reporter.anonymous(),
                reporter.wantsFeedback(),
                Objects.toString(report.narrative()));
        String canonical = parts.stream().map(String::valueOf)
                .collect(Collectors.joining(String.valueOf(SEPARATOR)));
        return HexFormat.of().formatHex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
