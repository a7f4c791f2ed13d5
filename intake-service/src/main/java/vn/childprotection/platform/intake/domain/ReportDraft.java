package vn.childprotection.platform.intake.domain;

import vn.childprotection.platform.contracts.Channel;
import vn.childprotection.platform.contracts.Child;
import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.ContactType;
import vn.childprotection.platform.contracts.Location;
import vn.childprotection.platform.contracts.Reporter;
import vn.childprotection.platform.contracts.Severity;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A report as the operator submitted it, before the rules of {@link ReportPolicy} are checked. Fields the request
 * did not carry, or carried in a form that could not be read, are null (the reader already named those).
 */
public record ReportDraft(
        UUID reportId,
        OffsetDateTime receivedAt,
        Channel channel,
        ContactType contactType,
        List<Concern> concerns,
        Severity severity,
        Location location,
        Child child,
        Reporter reporter,
        String narrative) {
}
