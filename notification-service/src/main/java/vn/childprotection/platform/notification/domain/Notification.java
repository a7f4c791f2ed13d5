package vn.childprotection.platform.notification.domain;

import vn.childprotection.platform.contracts.NotificationKind;
import vn.childprotection.platform.contracts.ReferralIssued;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One notification to one recipient: an agency's focal point, backup focal point or system, the province's
 * coordinator, or the informant who asked for feedback. Holds codes and ids only (the case events it is made from
 * carry no personal data), except the informant's phone number as the recipient of an OUTCOME_TO_INFORMANT, which is
 * erased once that notification is DELIVERED (data minimisation, S0 Art 7.2) and never shown by the API.
 *
 * @param notificationId deterministic ({@link NotificationIds}), so a redelivered event finds it already there
 * @param recipient      the focal point's role address; {@code null} when the directory has none (then FAILED)
 * @param attempts       delivery attempts made so far
 * @param lastError      code of the last failed attempt, {@code null} if none failed
 * @param sourceEventId  the event that caused it
 * @param role           whom it is for, as a role ({@link RecipientRole})
 * @param details        what its text says beyond its ids (codes and instants)
 * @param province       the case's province (coordinators see the notifications of their provinces); {@code null}
 *                       when not known
 */
public record Notification(
        String notificationId,
        String caseId,
        String referralId,
        NotificationKind kind,
        String agency,
        String areaCode,
        DeliveryChannel channel,
        String recipient,
        NotificationStatus status,
        int attempts,
        String lastError,
        Instant createdAt,
        Instant updatedAt,
        String sourceEventId,
        RecipientRole role,
        NotificationDetails details,
        String province) {

    /** Reason code when the directory names no focal point for the agency and area. */
    public static final String NO_FOCAL_POINT = "NO_FOCAL_POINT";
    /** Refusal reason of {@link #requeued}: the notification was delivered; nothing to resend. */
    public static final String ALREADY_DELIVERED = "ALREADY_DELIVERED";
    /** Refusal reason of {@link #requeued}: the notification is waiting for delivery already. */
    public static final String ALREADY_PENDING = "ALREADY_PENDING";

    public Notification {
        requireText(notificationId, "notificationId");
        requireText(caseId, "caseId");
        role = role == null ? RecipientRole.FOCAL_POINT : role;
        details = details == null ? NotificationDetails.NONE : details;
        if (role != RecipientRole.INFORMANT) {
            requireText(agency, "agency");
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative");
        }
        if (recipient == null && status == NotificationStatus.PENDING) {
            // FAILED: nobody to send it to; DELIVERED: an informant's contact erased after delivery
            throw new IllegalArgumentException("a PENDING notification needs a recipient");
        }
        // the store keeps milliseconds: truncate here so that what is stored equals what was built
        createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
        updatedAt = updatedAt.truncatedTo(ChronoUnit.MILLIS);
    }

    /** A notification to an agency focal point, without role and details (the first release's shape). */
    public Notification(String notificationId, String caseId, String referralId, NotificationKind kind, String agency,
                        String areaCode, DeliveryChannel channel, String recipient, NotificationStatus status,
                        int attempts, String lastError, Instant createdAt, Instant updatedAt, String sourceEventId) {
        this(notificationId, caseId, referralId, kind, agency, areaCode, channel, recipient, status, attempts,
                lastError, createdAt, updatedAt, sourceEventId, RecipientRole.FOCAL_POINT, NotificationDetails.NONE,
                null);
    }

    /**
     * A notification of {@code kind} to one addressee chosen by {@link NotificationRules}: PENDING for its channel,
     * or FAILED with {@code NO_<ROLE>} (e.g. {@code NO_COORDINATOR}) when the directory names nobody for the role,
     * so that the gap is visible and published (S0 Art 5.4).
     *
     * @param id the deterministic id ({@link NotificationIds})
     */
    public static Notification of(String id, NotificationKind kind, String caseId, String referralId, String areaCode,
                                  Addressee to, NotificationDetails details, String sourceEventId, Instant now) {
        if (to.isMissing()) {
            return new Notification(id, caseId, referralId, kind, to.agency(), areaCode, DeliveryChannel.RECORDED,
                    null, NotificationStatus.FAILED, 0, "NO_" + to.role().name(), now, now, sourceEventId,
                    to.role(), details, null);
        }
        return new Notification(id, caseId, referralId, kind, to.agency(), areaCode, to.recipient().channel(),
                to.recipient().address(), NotificationStatus.PENDING, 0, null, now, now, sourceEventId, to.role(),
                details, null);
    }

    /**
     * The notification of a referral to the agency's focal point (S0 Art 7.2, 9.5), PENDING until its channel has
     * delivered it.
     */
    public static Notification ofReferral(ReferralIssued referral, Recipient recipient, Instant now) {
        return ofReferral(referral, recipient, true, now);
    }

    /**
     * The notification of a referral to one of the agency's recipients: the focal point ({@code primary}) keeps the
     * id of the referral alone, every further recipient gets its own id, so that each recipient's delivery is tracked
     * (and fails, and is retried) on its own.
     */
    public static Notification ofReferral(ReferralIssued referral, Recipient recipient, boolean primary, Instant now) {
        Objects.requireNonNull(recipient, "recipient");
        String id = primary
                ? NotificationIds.forReferral(referral.referralId())
                : NotificationIds.forReferral(referral.referralId(), recipient);
        return new Notification(id, referral.caseId(),
                referral.referralId(), NotificationKind.REFERRAL_ISSUED, referral.agency(), referral.areaCode(),
                recipient.channel(), recipient.address(), NotificationStatus.PENDING, 0, null, now, now,
                referral.eventId(), primary ? RecipientRole.FOCAL_POINT : RecipientRole.ofFurther(recipient),
                NotificationRules.detailsOf(referral), null);
    }

    /**
     * A referral whose agency has no focal point in the directory: recorded as FAILED with {@link #NO_FOCAL_POINT} so
     * that the gap is visible (and can be chased, S0 Art 5.4) instead of silently dropped.
     */
    public static Notification ofUnreachableReferral(ReferralIssued referral, Instant now) {
        return new Notification(NotificationIds.forReferral(referral.referralId()), referral.caseId(),
                referral.referralId(), NotificationKind.REFERRAL_ISSUED, referral.agency(), referral.areaCode(),
                DeliveryChannel.RECORDED, null, NotificationStatus.FAILED, 0, NO_FOCAL_POINT, now, now,
                referral.eventId(), RecipientRole.FOCAL_POINT, NotificationRules.detailsOf(referral), null);
    }

    /**
     * Applies the outcome of one delivery (the attempts the channel made are added): delivered → DELIVERED; failed for
     * good (or retries exhausted) → FAILED; failed transiently or deferred → still PENDING. Refused when the
     * notification is already final (a redelivery changes nothing).
     */
    public StatusChange afterAttempt(DeliveryOutcome outcome, Instant now) {
        Objects.requireNonNull(outcome, "outcome");
        NotificationStatus target = switch (outcome) {
            case DeliveryOutcome.Delivered d -> NotificationStatus.DELIVERED;
            case DeliveryOutcome.Failed f -> f.retryable() ? NotificationStatus.PENDING : NotificationStatus.FAILED;
            case DeliveryOutcome.Deferred d -> NotificationStatus.PENDING;
        };
        if (!status.canMoveTo(target)) {
            return new StatusChange.Refused(this, "notification is " + status + ", cannot become " + target);
        }
        String error = switch (outcome) {
            case DeliveryOutcome.Failed f -> f.reason();
            case DeliveryOutcome.Deferred d -> d.reason();
            case DeliveryOutcome.Delivered d -> lastError;
        };
        // data minimisation (S0 Art 7.2): the informant's phone is kept only until the outcome is delivered
        String keptRecipient = target == NotificationStatus.DELIVERED && role == RecipientRole.INFORMANT
                ? null : recipient;
        return new StatusChange.Changed(new Notification(notificationId, caseId, referralId, kind, agency, areaCode,
                channel, keptRecipient, target, attempts + outcome.attempts(), error, createdAt, now, sourceEventId,
                role, details, province));
    }

    /**
     * An operator asks for a FAILED notification to be sent again (S0 Art 7.2: the agency must be told): it becomes
     * PENDING under the same id, so the receiver recognises a resend by its idempotency key. Attempts and the last
     * error are kept for the record. Refused when it was delivered, is already pending, or names no recipient.
     */
    public StatusChange requeued(Instant now) {
        if (status == NotificationStatus.DELIVERED) {
            return new StatusChange.Refused(this, ALREADY_DELIVERED);
        }
        if (status == NotificationStatus.PENDING) {
            return new StatusChange.Refused(this, ALREADY_PENDING);
        }
        if (recipient == null) {
            return new StatusChange.Refused(this, lastError != null && lastError.startsWith("NO_")
                    ? lastError : NO_FOCAL_POINT);
        }
        return new StatusChange.Changed(new Notification(notificationId, caseId, referralId, kind, agency, areaCode,
                channel, recipient, NotificationStatus.PENDING, attempts, lastError, createdAt, now, sourceEventId,
                role, details, province));
    }

    /** This notification as one of a case of the province. */
    public Notification inProvince(String provinceCode) {
        return new Notification(notificationId, caseId, referralId, kind, agency, areaCode, channel, recipient, status,
                attempts, lastError, createdAt, updatedAt, sourceEventId, role, details, provinceCode);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
