package vn.childprotection.platform.referral.application;

import vn.childprotection.platform.contracts.AgencyResponse;
import vn.childprotection.platform.referral.application.port.in.RelayOutboxUseCase;
import vn.childprotection.platform.referral.application.port.in.RespondToReferralUseCase;
import vn.childprotection.platform.referral.application.port.out.CaseMetrics;
import vn.childprotection.platform.referral.application.port.out.CaseRepository;
import vn.childprotection.platform.referral.application.port.out.RejectedResponseLog;
import vn.childprotection.platform.referral.application.port.out.RulesetSource;
import vn.childprotection.platform.referral.domain.Case;
import vn.childprotection.platform.referral.domain.Referral;
import vn.childprotection.platform.referral.domain.ResponseDecision;
import vn.childprotection.platform.referral.domain.ResponseRejection;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Applies an agency's response (S0 Art 7.2): finds the case holding the referral, lets the domain decide
 * ({@link Case#respond}), and writes the new state with the messages it owes in ONE update conditional on the case's
 * version (the duplicate check on {@code responseId} is part of that state, so it is atomic with the change). On a
 * concurrent change (another response, the watchdog) it reloads and decides again, a few times. Refusals are values:
 * logged with ids and codes only, recorded in the rejection log and counted by code.
 */
public final class RespondToReferralService implements RespondToReferralUseCase {

    private static final Logger log = System.getLogger(RespondToReferralService.class.getName());

    private final CaseRepository cases;
    private final RulesetSource rulesets;
    private final RelayOutboxUseCase relay;
    private final RejectedResponseLog rejections;
    private final CaseMetrics metrics;
    private final Clock clock;
    private final int attempts;

    public RespondToReferralService(CaseRepository cases, RulesetSource rulesets, RelayOutboxUseCase relay,
                                    RejectedResponseLog rejections, CaseMetrics metrics, Clock clock, int attempts) {
        this.cases = cases;
        this.rulesets = rulesets;
        this.relay = relay;
        this.rejections = rejections;
        this.metrics = metrics;
        this.clock = clock;
        this.attempts = Math.max(1, attempts);
    }

    @Override
    public Outcome respond(AgencyResponse response, Channel channel) {
        return respond(response, channel, null);
    }

    @Override
    public Outcome respondAs(Responder responder, AgencyResponse response) {
        if (!responder.agency().equals(response.agency())) {
            return rejected(response, Channel.KAFKA, new Rejected(ResponseRejection.RESPONDER_MISMATCH,
                    "The answer names agency " + response.agency() + " but came from the answer topic of "
                            + responder.agency() + "."));
        }
        return respond(response, Channel.KAFKA, responder.province());
    }

    /** {@code province}: the province the answer's topic belongs to, or null (HTTP: the access guard has checked). */
    private Outcome respond(AgencyResponse response, Channel channel, String province) {
        for (int attempt = 1; attempt <= attempts; attempt++) {
            Optional<Case> holding = response.referralId() == null ? Optional.empty()
                    : cases.findByReferralId(response.referralId());
            if (holding.isEmpty()) {
                return rejected(response, channel, new Rejected(ResponseRejection.UNKNOWN_REFERRAL,
                        "No referral has id " + response.referralId() + "."));
            }
            Case current = holding.get();
            if (province != null && (current.location() == null
                    || !province.equals(current.location().provinceCode()))) {
                return rejected(response, channel, new Rejected(ResponseRejection.RESPONDER_MISMATCH,
                        "Referral " + response.referralId() + " is not one of province " + province + "'s."));
            }
            Instant now = clock.instant();
            ResponseDecision decision = current.respond(response, now, rulesets.routing());
            switch (decision) {
                case ResponseDecision.Duplicate duplicate -> {
                    metrics.responseDuplicate(channel.name());
                    log.log(Level.DEBUG, "response {0} on referral {1} of case {2} already applied: skipped",
                            duplicate.responseId(), duplicate.referralId(), duplicate.caseId());
                    return new Duplicate(duplicate.caseId(), duplicate.referralId(), duplicate.responseId());
                }
                case ResponseDecision.Rejected refused -> {
                    return rejected(response, channel, new Rejected(refused.rejection(), refused.detail()));
                }
                case ResponseDecision.Applied applied -> {
                    if (!cases.update(current, applied.updated())) {
                        log.log(Level.DEBUG, "case {0} changed concurrently (attempt {1}): deciding again",
                                current.caseId(), attempt);
                        continue;
                    }
                    metrics.responseApplied(response.action().name(), channel.name());
                    for (Referral issued : applied.issued()) {
                        metrics.referralIssued(issued.agency(), issued.role());
                    }
                    log.log(Level.INFO, "response {0} applied to referral {1} of case {2}: {3} -> {4}; case {5}"
                                    + "{6}", response.responseId(), applied.referral().referralId(), current.caseId(),
                            applied.from(), applied.to(), applied.caseTo(),
                            applied.issued().isEmpty() ? "" : "; issued " + applied.issued().stream()
                                    .map(r -> r.referralId() + " (" + r.agency() + ", " + r.ruleId() + ")").toList());
                    relayNow(current.caseId());
                    return new Applied(applied.updated(), applied.referral(), applied.issued());
                }
            }
        }
        throw new ConcurrentChangeException(response.caseId(), attempts);
    }

    @Override
    public Optional<ReferralView> referral(String referralId) {
        return cases.findByReferralId(referralId)
                .flatMap(c -> c.referral(referralId).map(r -> new ReferralView(c, r)));
    }

    private Rejected rejected(AgencyResponse response, Channel channel, Rejected rejected) {
        metrics.responseRejected(rejected.code());
        log.log(Level.WARNING, "response {0} on referral {1} of case {2} rejected: {3}", response.responseId(),
                response.referralId(), response.caseId(), rejected.code());
        try {
            rejections.record(new RejectedResponseLog.RejectedResponse(response.responseId(), response.referralId(),
                    response.caseId(), response.agency(), response.action(), rejected.code(), response.reasonCode(),
                    channel.name(), response.occurredAt(), clock.instant()));
        } catch (RuntimeException e) {
            // the refusal stands; the log entry is for the operators only
            log.log(Level.WARNING, "could not record rejected response {0} ({1})", response.responseId(),
                    e.getClass().getSimpleName());
        }
        return rejected;
    }

    private void relayNow(String caseId) {
        try {
            relay.relay(caseId);
        } catch (RuntimeException e) {
            log.log(Level.WARNING, "case {0} changed; immediate relay failed ({1}), the sweep will retry", caseId,
                    e.getClass().getSimpleName());
        }
    }
}
