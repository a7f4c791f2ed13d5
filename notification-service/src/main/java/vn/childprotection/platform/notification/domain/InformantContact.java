package vn.childprotection.platform.notification.domain;

import vn.childprotection.platform.contracts.NotificationKind;
import vn.childprotection.platform.contracts.ReferralOutcome;
import vn.childprotection.platform.contracts.Reporter;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What this service knows about the informant of one case, for the outcome feedback only (S0 Art 7.2). Case events
 * carry no personal data, so the phone comes from the intake report, on another topic: either may arrive first, and
 * this record joins them.
 * <ul>
 *     <li>kept only when the report {@linkplain Reporter#expectsFeedback() expects feedback} (asked for it, not
 *     anonymous) and gave a phone: the phone and the channel (SMS), nothing else of the report;</li>
 *     <li>a report without feedback leaves a {@code declined} marker and no contact: the outcome is never sent;</li>
 *     <li>the outcome of a completed case waits here ({@code pending}) until the contact arrives;</li>
 *     <li>once the outcome notification is DELIVERED the contact is erased and {@code told} set (data
 *     minimisation).</li>
 * </ul>
 *
 * @param contact  the informant's phone and channel; {@code null} when not (or no longer) kept
 * @param declined the report said no feedback (or was anonymous, or gave no phone)
 * @param pending  the completed case's outcome waiting for the contact, or {@code null}
 * @param told     the outcome was delivered and the contact erased
 */
public record InformantContact(String caseId, Recipient contact, boolean declined, PendingOutcome pending,
                               boolean told) {

    /** Why no outcome is sent. */
    public static final String FEEDBACK_NOT_WANTED = "FEEDBACK_NOT_WANTED";
    public static final String ALREADY_TOLD = "ALREADY_TOLD";

    public InformantContact {
        Objects.requireNonNull(caseId, "caseId");
    }

    /** The completion's event and the outcome codes it lists. */
    public record PendingOutcome(String eventId, List<ReferralOutcome> outcomes) {
        public PendingOutcome {
            Objects.requireNonNull(eventId, "eventId");
            outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
        }
    }

    /** The contact worth keeping from a report, or {@code null}: only when the informant expects feedback. */
    public static Recipient contactOf(Reporter reporter) {
        if (reporter == null || !reporter.expectsFeedback() || reporter.phone() == null
                || reporter.phone().isBlank()) {
            return null;
        }
        return new Recipient(reporter.phone(), DeliveryChannel.SMS);
    }

    /** What to do now. */
    public sealed interface Next {
    }

    /** Record and deliver this notification (its id is one per case: recording it twice changes nothing). */
    public record Send(Notification notification) implements Next {
    }

    /** Wait: for the contact (outcome known) or for the outcome (contact known). */
    public record Await(String what) implements Next {
    }

    /** Never send (no feedback wanted, or told already). */
    public record Skip(String reason) implements Next {
    }

    public Next next(Instant now) {
        if (told) {
            return new Skip(ALREADY_TOLD);
        }
        if (declined) {
            return new Skip(FEEDBACK_NOT_WANTED);
        }
        if (pending == null) {
            return new Await("OUTCOME");
        }
        if (contact == null) {
            return new Await("CONTACT");
        }
        var details = new NotificationDetails(null, null, List.of(), null, null, null, pending.outcomes());
        return new Send(Notification.of(NotificationIds.forInformantOutcome(caseId),
                NotificationKind.OUTCOME_TO_INFORMANT, caseId, null, null,
                new Addressee(RecipientRole.INFORMANT, null, contact), details, pending.eventId(), now));
    }
}
