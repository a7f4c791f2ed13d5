package vn.childprotection.platform.referral.domain;

import vn.childprotection.platform.contracts.EscalationRaised.DeadlineKind;
import vn.childprotection.platform.contracts.ReferralOverdue;
import vn.childprotection.platform.contracts.ResponseAction;

import java.time.Instant;
import java.util.Objects;

/**
 * One deadline a referral carries, with what happened to it: met by the agency's response, or missed and then
 * reminded (REMINDER) and escalated (ESCALATED) by the watchdog. The markers {@code remindedAt} and
 * {@code escalatedAt} are written in the same single-document update that puts the {@code ReferralOverdue} into the
 * case's outbox, so a deadline never fires twice for the same stage, across restarts too.
 *
 * @param escalateAt  when the watchdog escalates a still unmet deadline (due + the grace of its kind)
 * @param legalBasis  Decree 56/2017 Art 26.3 / Art 28.1; {@code null} for the acknowledgement (policy default)
 * @param metAt       when the response that met it was applied; {@code null} while unmet
 */
public record ReferralDeadline(DeadlineKind kind, Instant dueAt, Instant escalateAt, String legalBasis,
                               boolean policyDefault, Instant metAt, Instant remindedAt, Instant escalatedAt) {

    public ReferralDeadline {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(dueAt, "dueAt");
        escalateAt = escalateAt == null ? dueAt : escalateAt;
    }

    public static ReferralDeadline of(DeadlineKind kind, Instant dueAt, Instant escalateAt, String legalBasis,
                                      boolean policyDefault) {
        return new ReferralDeadline(kind, dueAt, escalateAt, legalBasis, policyDefault, null, null, null);
    }

    public boolean met() {
        return metAt != null;
    }

    /**
     * Whether an agency's action meets this deadline: any response acknowledges; emergency measures are met once the
     * agency ACCEPTED (or went further); the support plan once it is IN_PROGRESS or COMPLETED.
     */
    public boolean metBy(ResponseAction action) {
        return switch (kind) {
            case ACKNOWLEDGEMENT -> true;
            case EMERGENCY_MEASURES -> action == ResponseAction.ACCEPTED || action == ResponseAction.IN_PROGRESS
                    || action == ResponseAction.COMPLETED;
            case SUPPORT_PLAN -> action == ResponseAction.IN_PROGRESS || action == ResponseAction.COMPLETED;
        };
    }

    public ReferralDeadline metAt(Instant at) {
        return met() ? this : new ReferralDeadline(kind, dueAt, escalateAt, legalBasis, policyDefault, at,
                remindedAt, escalatedAt);
    }

    public ReferralDeadline fired(ReferralOverdue.Stage stage, Instant at) {
        return stage == ReferralOverdue.Stage.REMINDER
                ? new ReferralDeadline(kind, dueAt, escalateAt, legalBasis, policyDefault, metAt, at, escalatedAt)
                : new ReferralDeadline(kind, dueAt, escalateAt, legalBasis, policyDefault, metAt, remindedAt, at);
    }

    /** The next moment the watchdog has something to do for this deadline; {@code null} when nothing is left. */
    public Instant nextCheck() {
        if (met()) {
            return null;
        }
        if (remindedAt == null) {
            return dueAt;
        }
        return escalatedAt == null ? escalateAt : null;
    }
}
