package vn.childprotection.platform.referral.application.port.in;

import vn.childprotection.platform.contracts.AgencyResponse;
import vn.childprotection.platform.referral.domain.Case;
import vn.childprotection.platform.referral.domain.Referral;
import vn.childprotection.platform.referral.domain.ResponseRejection;

import java.util.List;
import java.util.Optional;

/** The agencies' answers to their referrals (S0 Art 7.2), from {@code agency.responses.v1} or over HTTP. */
public interface RespondToReferralUseCase {

    /** Where a response came from (metrics and the rejection log; never changes the decision). */
    enum Channel { KAFKA, HTTP }

    /**
     * Applies one structurally valid response (see {@code AgencyResponseCheck}) in one atomic update of its case.
     *
     * @throws ConcurrentChangeException when the case kept changing under it (retried a few times first)
     */
    Outcome respond(AgencyResponse response, Channel channel);

    /**
     * As {@link #respond}, for an answer read from an answer topic, which only one agency system may write (the
     * broker's ACLs): refused ({@code responder-mismatch}, recorded) unless the answer names the topic's agency and
     * its referral's case lies in the topic's province.
     */
    Outcome respondAs(Responder responder, AgencyResponse response);

    /** Who answered, as the transport proves it: the agency and the province of the topic the answer came from. */
    record Responder(String agency, String province) {
    }

    /** The referral and its case, for reading. */
    Optional<ReferralView> referral(String referralId);

    record ReferralView(Case owner, Referral referral) {
    }

    sealed interface Outcome {
    }

    /** Applied: the referral as it is now, the referrals issued because of it, and the case (with its status). */
    record Applied(Case updated, Referral referral, List<Referral> issued) implements Outcome {
        public Applied {
            issued = List.copyOf(issued);
        }
    }

    /** The responseId was applied before: nothing changed. */
    record Duplicate(String caseId, String referralId, String responseId) implements Outcome {
    }

    /** Refused with a code ({@code transition-not-allowed}, {@code wrong-agency}, ...); nothing changed. */
    record Rejected(ResponseRejection rejection, String detail) implements Outcome {
        public String code() {
            return rejection.code();
        }
    }

    /** The case changed concurrently on every attempt; the response can be retried as is. */
    class ConcurrentChangeException extends RuntimeException {
        public ConcurrentChangeException(String caseId, int attempts) {
            super("case " + caseId + " changed concurrently " + attempts + " times; response not applied yet");
        }
    }
}
