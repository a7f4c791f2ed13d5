package vn.childprotection.platform.referral.domain;

import vn.childprotection.platform.contracts.Agencies;
import vn.childprotection.platform.contracts.AgencyReferral;
import vn.childprotection.platform.contracts.AgencyResponse;
import vn.childprotection.platform.contracts.CaseOpened;
import vn.childprotection.platform.contracts.CaseStatus;
import vn.childprotection.platform.contracts.CaseStatusChanged;
import vn.childprotection.platform.contracts.Channel;
import vn.childprotection.platform.contracts.Child;
import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.ContactType;
import vn.childprotection.platform.contracts.EscalationRaised;
import vn.childprotection.platform.contracts.Event;
import vn.childprotection.platform.contracts.EventJson;
import vn.childprotection.platform.contracts.Ids;
import vn.childprotection.platform.contracts.Location;
import vn.childprotection.platform.contracts.PersonalDataErased;
import vn.childprotection.platform.contracts.ReasonCode;
import vn.childprotection.platform.contracts.ReferralIssued;
import vn.childprotection.platform.contracts.ReferralOverdue;
import vn.childprotection.platform.contracts.ReferralRole;
import vn.childprotection.platform.contracts.ReferralStatus;
import vn.childprotection.platform.contracts.ReferralStatusChanged;
import vn.childprotection.platform.contracts.ReportSubmitted;
import vn.childprotection.platform.contracts.Reporter;
import vn.childprotection.platform.contracts.ResponseAction;
import vn.childprotection.platform.contracts.Severity;
import vn.childprotection.platform.contracts.Topics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The case aggregate: a report made into a case, its referrals, and the messages it still owes (its outbox).
 * Opened once per report (the case id derives from the report id), so redelivery of a report can never open a second
 * case. Every id and timestamp in the outbox is derived from the case, so republishing it repeats it exactly.
 *
 * <p>After opening, the agencies' responses move its referrals (S0 Art 7.2; {@link #respond}) and the deadline
 * watchdog reminds and escalates missed deadlines ({@link #watch}); each returns the whole new state with the messages
 * it owes, written by the store in one conditional update ({@code version}: optimistic locking).
 *
 * <p>Holds personal data (the child's name, the informant, the narrative): the case store is one of the places
 * allowed to (conventions, "Personal data"); case events carry none of it.
 *
 * @param version          the stored document's version (optimistic locking; the store increments it)
 * @param appliedResponses the responseIds applied to the case, checked in the same update that applies one
 * @param submittedBy      the account that submitted the report (its operator may read the case back for a while);
 *                         {@code null} for reports without it
 * @param erasure          when and why its personal data was erased ({@link #erasePersonalData}); {@code null} while
 *                         it is held
 */
public record Case(
        String caseId,
        UUID reportId,
        String sourceEventId,
        CaseStatus status,
        ContactType contactType,
        Channel channel,
        List<Concern> concerns,
        Severity severity,
        Location location,
        Child child,
        Reporter reporter,
        String narrative,
        OffsetDateTime receivedAt,
        Instant openedAt,
        String rulesetVersion,
        List<Referral> referrals,
        List<OutboxMessage> outbox,
        Triage triage,
        List<Escalation> escalations,
        long version,
        List<String> appliedResponses,
        String submittedBy,
        PersonalDataErasure erasure) {

    public Case {
        Objects.requireNonNull(caseId, "caseId");
        concerns = List.copyOf(concerns);
        referrals = List.copyOf(referrals);
        outbox = List.copyOf(outbox);
        triage = triage == null ? Triage.NONE : triage;
        escalations = escalations == null ? List.of() : List.copyOf(escalations);
        appliedResponses = appliedResponses == null ? List.of() : List.copyOf(appliedResponses);
    }

    /** A case whose personal data is held (not erased). */
    public Case(String caseId, UUID reportId, String sourceEventId, CaseStatus status, ContactType contactType,
                Channel channel, List<Concern> concerns, Severity severity, Location location, Child child,
                Reporter reporter, String narrative, OffsetDateTime receivedAt, Instant openedAt,
                String rulesetVersion, List<Referral> referrals, List<OutboxMessage> outbox, Triage triage,
                List<Escalation> escalations, long version, List<String> appliedResponses, String submittedBy) {
        this(caseId, reportId, sourceEventId, status, contactType, channel, concerns, severity, location, child,
                reporter, narrative, receivedAt, openedAt, rulesetVersion, referrals, outbox, triage, escalations,
                version, appliedResponses, submittedBy, null);
    }

    public static CaseOpening open(ReportSubmitted report, Ruleset ruleset, Instant openedAt) {
        return open(report, RoutingEnvironment.of(ruleset), openedAt);
    }

    /**
     * Opens the case for a report: checks the report against the intake contract, routes it (interventions only),
     * and fills the outbox with CaseOpened, then for each referral the agency's AgencyReferral and the case's
     * ReferralIssued.
     */
    public static CaseOpening open(ReportSubmitted report, RoutingEnvironment routing, Instant openedAt) {
        return open(report, routing, openedAt, ChildPseudonym.NONE);
    }

    /**
     * @param pseudonym makes {@code CaseOpened.childKey} (the child's pseudonym; {@code null} without a name)
     */
    public static CaseOpening open(ReportSubmitted report, RoutingEnvironment routing, Instant openedAt,
                                   ChildPseudonym pseudonym) {
        List<String> reasons = check(report);
        if (!reasons.isEmpty()) {
            return new CaseOpening.Rejected(report == null ? null : report.caseId(), reasons);
        }
        String caseId = report.caseId();
        RoutingPlan plan = routing.plan(new RoutingEnvironment.Request(caseId, report.receivedAt(),
                report.contactType(), report.concerns(), report.severity(), report.location(),
                report.child() == null ? null : report.child().ageYears(), report.placement()));
        // the place in the codes of the map of the day: what the case, its events and the agencies carry
        Location location = plan.location() == null ? report.location() : plan.location();
        List<Concern> concerns = sorted(report.concerns());
        List<Referral> referrals = plan.referrals().stream()
                .map(routed -> new Referral(Ids.nameBased("referral", caseId, routed.agency()), routed.agency(),
                        routed.role(), routed.areaCode(), ReferralStatus.ISSUED, routed.ruleId(),
                        plan.rulesetVersion(), routed.legalBasis(), routed.policyDefault(), routed.unitId(),
                        routed.dueAt(), routed.note(), null, openedAt,
                        routing.deadlines().deadlinesFor(report.receivedAt().toInstant(), report.severity(),
                                routed.role()), List.of()))
                .toList();
        List<Escalation> escalations = plan.escalation().stream().toList();
        CaseStatus status = referrals.isEmpty() ? CaseStatus.RECORDED : CaseStatus.REFERRED;

        List<OutboxMessage> outbox = new ArrayList<>();
        boolean feedback = report.reporter() != null && report.reporter().expectsFeedback();
        outbox.add(message(Topics.CASE_EVENTS, new CaseOpened(Ids.nameBased(CaseOpened.TYPE, caseId), openedAt,
                caseId, report.reportId(), report.receivedAt(), report.channel(), report.contactType(), concerns,
                report.severity(), location, report.child() == null ? null : report.child().profile(),
                feedback, status, referrals.size(),
                (pseudonym == null ? ChildPseudonym.NONE : pseudonym).keyOf(report.child(), report.location()))));
        for (Escalation escalation : escalations) {
            outbox.add(message(Topics.CASE_EVENTS, new EscalationRaised(
                    Ids.nameBased(EscalationRaised.TYPE, escalation.escalationId()), openedAt, caseId,
                    escalation.escalationId(), escalation.severity(), escalation.reason(),
                    escalation.recipientRole(), escalation.deadlines())));
        }
        for (Referral referral : referrals) {
            outbox.add(message(Topics.referralsFor(referral.agency(), location.provinceCode()), new AgencyReferral(
                    Ids.nameBased(AgencyReferral.TYPE, referral.referralId()), openedAt, caseId,
                    referral.referralId(), referral.agency(), referral.role(), referral.areaCode(),
                    report.receivedAt(), concerns, report.severity(), location, report.child(),
                    report.narrative(), referral.ruleId(), referral.rulesetVersion(), referral.legalBasis(),
                    referral.dueAt(), referral.unitId())));
            outbox.add(message(Topics.CASE_EVENTS, new ReferralIssued(
                    Ids.nameBased(ReferralIssued.TYPE, referral.referralId()), openedAt, caseId,
                    referral.referralId(), referral.agency(), referral.role(), referral.areaCode(), referral.status(),
                    concerns, report.severity(), referral.ruleId(), referral.rulesetVersion(),
                    referral.legalBasis(), referral.dueAt(), referral.unitId())));
        }
        return new CaseOpening.Opened(new Case(caseId, report.reportId(), report.eventId(), status,
                report.contactType(), report.channel(), concerns, report.severity(), location,
                report.child(), report.reporter(), report.narrative(), report.receivedAt(), openedAt,
                plan.rulesetVersion(), referrals, outbox, plan.triage(), escalations, 0, List.of(),
                report.submittedBy()));
    }

    // ---- the agency loop: responses (S0 Art 7.2) and the deadline watchdog (S0 Art 5.4) ----

    /** ruleId and legal basis of a referral made because its agency FORWARDED another one (S0 Art 7.2). */
    public static final String FORWARDED_RULE = "FORWARDED";
    public static final String FORWARDED_BASIS = "S0 Art 7.2";
    /** ruleId and legal basis of the standing agency's referral after the only primary agency DECLINED (S0 Art 8.4). */
    public static final String TRIAGE_RULE = "TRIAGE-AFTER-DECLINE";
    public static final String TRIAGE_BASIS = "S0 Art 8.4";

    /**
     * The id of a referral made from another one (forwarded, or triage after a decline): deterministic, so that
     * re-applying the same response can never issue a second one.
     */
    public static String derivedReferralId(String caseId, String agency, String fromReferralId) {
        return Ids.nameBased("referral", caseId, agency, "forwardedFrom", fromReferralId);
    }

    public Optional<Referral> referral(String referralId) {
        return referrals.stream().filter(r -> r.referralId().equals(referralId)).findFirst();
    }

    /**
     * Applies an agency's response to one of this case's referrals, or refuses it (nothing changes). The result holds
     * the whole new state: the referral's status, history and deadlines, the referrals issued because of it, the
     * derived case status, the applied responseId (for the duplicate check) and the messages owed
     * ({@code ReferralStatusChanged}, the new referrals' {@code AgencyReferral} and {@code ReferralIssued},
     * {@code CaseStatusChanged} when the derived status changed), so that the store writes it in ONE update.
     *
     * <p>Checked in this order: the action's required fields; the referral exists on this case; a responseId already
     * applied is a duplicate (before any other check, so a redelivery stays idempotent whatever happened since); the
     * agency is the referral's; the transition is allowed (ReferralStateMachine); a forward target is a known agency,
     * not the same one, and holds no open PRIMARY/SUPPORTING referral on the case (an INFORMED one does not count).
     *
     * @param now when the platform applies it: {@code occurredAt} of the events, {@code appliedAt} in the history
     */
    public ResponseDecision respond(AgencyResponse response, Instant now, RoutingEnvironment routing) {
        ResponseRejection missing = AgencyResponseCheck.missingField(response);
        if (missing != null) {
            return new ResponseDecision.Rejected(missing, "action " + response.action() + " lacks "
                    + switch (missing) {
                        case MISSING_REASON -> "a reason";
                        case MISSING_FORWARD_TARGET -> "forwardTo";
                        default -> "an outcome";
                    });
        }
        Optional<Referral> found = referral(response.referralId());
        if (found.isEmpty()) {
            return new ResponseDecision.Rejected(ResponseRejection.UNKNOWN_REFERRAL,
                    "Case " + caseId + " has no referral " + response.referralId() + ".");
        }
        Referral referral = found.get();
        if (response.caseId() != null && !caseId.equals(response.caseId())) {
            return new ResponseDecision.Rejected(ResponseRejection.CASE_MISMATCH, "Referral "
                    + referral.referralId() + " belongs to case " + caseId + ", not to case " + response.caseId()
                    + ".");
        }
        if (appliedResponses.contains(response.responseId())) {
            return new ResponseDecision.Duplicate(caseId, referral.referralId(), response.responseId());
        }
        if (!referral.agency().equals(response.agency())) {
            return new ResponseDecision.Rejected(ResponseRejection.WRONG_AGENCY, "Referral "
                    + referral.referralId() + " was issued to " + referral.agency() + ", not to "
                    + response.agency() + ".");
        }
        Optional<ReferralStatus> next = ReferralStateMachine.next(referral.status(), response.action());
        if (next.isEmpty()) {
            return new ResponseDecision.Rejected(ResponseRejection.TRANSITION_NOT_ALLOWED, "Referral "
                    + referral.referralId() + " is " + referral.status() + ": " + response.action()
                    + " is not allowed (allowed: " + (ReferralStateMachine.allowed(referral.status()).isEmpty()
                    ? "none, the referral has ended" : ReferralStateMachine.allowed(referral.status())) + ").");
        }
        if (response.action() == ResponseAction.FORWARDED) {
            String invalid = forwardTargetProblem(referral, response.forwardTo(), routing);
            if (invalid != null) {
                return new ResponseDecision.Rejected(ResponseRejection.FORWARD_TARGET_INVALID, invalid);
            }
        }
        return apply(referral, next.get(), response, now, routing);
    }

    private String forwardTargetProblem(Referral referral, String target, RoutingEnvironment routing) {
        if (!routing.agencies().codes().contains(target)) {
            return "Forward target " + target + " is not an agency of the directory.";
        }
        if (target.equals(referral.agency())) {
            return "Referral " + referral.referralId() + " cannot be forwarded to its own agency " + target + ".";
        }
        Optional<Referral> holding = referrals.stream()
                .filter(r -> r.agency().equals(target) && r.open() && r.actionable()).findFirst();
        return holding.map(r -> "Agency " + target + " already holds open referral " + r.referralId()
                + " on case " + caseId + ".").orElse(null);
    }

    private ResponseDecision apply(Referral referral, ReferralStatus to, AgencyResponse response, Instant now,
                                   RoutingEnvironment routing) {
        ResponseAction action = response.action();
        ReferralStatus from = referral.status();
        boolean declinedOrForwarded = action == ResponseAction.DECLINED || action == ResponseAction.FORWARDED;
        ReasonCode reasonCode = declinedOrForwarded
                ? (response.reasonCode() == null ? ReasonCode.OTHER : response.reasonCode()) : null;
        List<ReferralDeadline> deadlines = referral.deadlines().stream()
                .map(d -> d.metBy(action) ? d.metAt(now) : d).toList();
        List<ResponseRecord> history = new ArrayList<>(referral.history());
        // once the case's personal data is erased, the agencies' wording is not kept again (their codes are)
        history.add(new ResponseRecord(response.responseId(), action, from, to,
                erasure == null ? response.reason() : null, reasonCode,
                erasure == null ? response.note() : null, action == ResponseAction.FORWARDED ? response.forwardTo() : null,
                action == ResponseAction.COMPLETED ? response.outcome() : null, response.unitId(),
                response.occurredAt(), now));
        Referral changed = referral.with(to, deadlines, history);

        List<Referral> updatedReferrals = new ArrayList<>(referrals.stream()
                .map(r -> r.referralId().equals(referral.referralId()) ? changed : r).toList());
        List<Referral> issued = new ArrayList<>();
        List<String> triageReasons = new ArrayList<>(triage.reasons());
        List<EscalationRaised> raised = new ArrayList<>();
        List<String> chain = areaChain(routing);
        if (action == ResponseAction.FORWARDED) {
            // S0 Art 7.2: outside its authority, the agency forwards to the competent one (same role, fresh deadlines)
            issued.add(derivedReferral(response.forwardTo(), referral.role(), FORWARDED_RULE, FORWARDED_BASIS,
                    referral.referralId(), chain, now, routing, triageReasons));
        } else if (action == ResponseAction.DECLINED && onlyPrimary(referral)) {
            // S0 Art 8.4: not a dead end — back to the standing agency's provincial unit for triage
            String standing = standingAgency(routing);
            String province = chain.isEmpty() ? referral.areaCode() : chain.getLast();
            Optional<AgencyUnit> provincial = unitServing(standing, List.of(province), now, routing);
            boolean declinedByThatUnit = referral.agency().equals(standing) && (provincial.isPresent()
                    ? provincial.get().id().equals(referral.unitId()) : province.equals(referral.areaCode()));
            if (declinedByThatUnit) {
                // no loop: the coordinator decides (S0 Art 5.4), and is told at once: a flag nobody is alerted to
                // would leave the child with no one acting
                String reason = "PRIMARY referral " + referral.referralId() + " DECLINED by the standing agency's "
                        + "provincial unit: no agency left to act, the coordinator decides (S0 Art 8.4, 5.4)";
                triageReasons.add(reason);
                String escalationId = Ids.nameBased("escalation", caseId, "declined", referral.referralId());
                raised.add(new EscalationRaised(Ids.nameBased(EscalationRaised.TYPE, escalationId), now, caseId,
                        escalationId, severity, reason, EscalationRaised.COORDINATOR, List.of(),
                        referral.referralId()));
            } else {
                issued.add(derivedReferral(standing, ReferralRole.PRIMARY, TRIAGE_RULE, TRIAGE_BASIS,
                        referral.referralId(), List.of(province), now, routing, triageReasons));
            }
        }
        updatedReferrals.addAll(issued);
        CaseStatus caseTo = CaseStatusPolicy.derive(updatedReferrals);

        List<OutboxMessage> newOutbox = new ArrayList<>(outbox);
        String cause = Ids.nameBased(ReferralStatusChanged.TYPE, referral.referralId(), response.responseId());
        boolean progressUpdate = from == to;
        if (!progressUpdate) {
            newOutbox.add(message(Topics.CASE_EVENTS, new ReferralStatusChanged(cause, now, caseId,
                    referral.referralId(), referral.agency(), referral.role(), referral.unitId(),
                    response.responseId(), action, from, to, reasonCode,
                    action == ResponseAction.FORWARDED ? response.forwardTo() : null,
                    action == ResponseAction.COMPLETED ? response.outcome() : null, response.occurredAt(), caseTo)));
        }
        for (Referral made : issued) {
            newOutbox.addAll(issueMessages(made, now));
        }
        for (EscalationRaised escalation : raised) {
            newOutbox.add(message(Topics.CASE_EVENTS, escalation));
        }
        if (caseTo != status) {
            newOutbox.add(message(Topics.CASE_EVENTS, new CaseStatusChanged(
                    Ids.nameBased(CaseStatusChanged.TYPE, caseId, cause), now, caseId, status, caseTo,
                    caseTo == CaseStatus.COMPLETED ? CaseStatusPolicy.outcomes(updatedReferrals) : List.of())));
        }
        List<String> applied = new ArrayList<>(appliedResponses);
        applied.add(response.responseId());
        List<Escalation> allEscalations = new ArrayList<>(escalations);
        raised.forEach(e -> allEscalations.add(new Escalation(e.escalationId(), e.severity(), e.reason(),
                e.recipientRole(), e.deadlines())));
        Case updated = new Case(caseId, reportId, sourceEventId, caseTo, contactType, channel, concerns, severity,
                location, child, reporter, narrative, receivedAt, openedAt, rulesetVersion, updatedReferrals,
                newOutbox, Triage.of(triageReasons.stream().distinct().toList()), allEscalations, version, applied,
                submittedBy, erasure);
        return new ResponseDecision.Applied(updated, changed, from, to, issued, status, caseTo);
    }

    /** The declined referral is PRIMARY and no other PRIMARY referral of the case is open or completed. */
    private boolean onlyPrimary(Referral declined) {
        return declined.role() == ReferralRole.PRIMARY && referrals.stream()
                .filter(r -> !r.referralId().equals(declined.referralId()) && r.role() == ReferralRole.PRIMARY)
                .noneMatch(r -> r.open() || r.status() == ReferralStatus.COMPLETED);
    }

    private String standingAgency(RoutingEnvironment routing) {
        try {
            return routing.rulesetFor(location, receivedAt).standingAgency().agency();
        } catch (RuntimeException noRuleset) {
            return Agencies.SOCIAL_AFFAIRS;
        }
    }

    /**
     * The unit of an agency that serves the case's place on the day a new referral is issued, along the chain given
     * (the case's, or its province alone). The case keeps the map of its day of receipt; when a later map is in force
     * on the day of the new referral (a case of June 2025 forwarded in 2026), the units of that day are found along
     * the same place on the later map, since their codes are of that map (the district units ended).
     */
    private Optional<AgencyUnit> unitServing(String agency, List<String> chain, Instant now,
                                             RoutingEnvironment routing) {
        LocalDate today = routing.dayOf(now.atOffset(ZoneOffset.UTC));
        if (location == null || receivedAt == null || !routing.areas().configured() || chain.isEmpty()) {
            return routing.agencies().unitFor(agency, chain, today);
        }
        AreaDirectory.Resolved then = routing.areas().resolve(location, routing.dayOf(receivedAt));
        AreaDirectory.Resolved current = routing.areas().resolve(location, today);
        if (Objects.equals(then.listVersion(), current.listVersion())) {
            return routing.agencies().unitFor(agency, chain, today);
        }
        List<String> todays = chain.size() == 1 && current.province() != null ? List.of(current.province())
                : current.chain();
        return routing.agencies().unitFor(agency, todays, today);
    }

    /** The case's known areas, most local first (as routing resolved them on the day of receipt). */
    private List<String> areaChain(RoutingEnvironment routing) {
        if (location == null || receivedAt == null) {
            return List.of();
        }
        return routing.areas().resolve(location, routing.dayOf(receivedAt)).chain();
    }

    private Referral derivedReferral(String agency, ReferralRole role, String ruleId, String legalBasis,
                                     String fromReferralId, List<String> chain, Instant now,
                                     RoutingEnvironment routing, List<String> triageReasons) {
        String areaCode = chain.isEmpty() ? null : chain.getFirst();
        String unitId = null;
        String note = null;
        if (routing.agencies().configured()) {
            Optional<AgencyUnit> unit = unitServing(agency, chain, now, routing);
            if (unit.isPresent()) {
                unitId = unit.get().id();
                areaCode = unit.get().areaCode();
            } else {
                note = "no " + agency + " unit serves area " + areaCode + " or its parents: referral has no unit";
                triageReasons.add(note);
            }
        }
        List<ReferralDeadline> deadlines = routing.deadlines().deadlinesFor(now, severity, role);
        return new Referral(derivedReferralId(caseId, agency, fromReferralId), agency, role, areaCode,
                ReferralStatus.ISSUED, ruleId, rulesetVersion, legalBasis, false, unitId,
                deadlines.getFirst().dueAt(), note, fromReferralId, now, deadlines, List.of());
    }

    /** The agency's work order (its own topic, with what it needs to act) and the case event of a new referral. */
    private List<OutboxMessage> issueMessages(Referral referral, Instant at) {
        return List.of(
                message(Topics.referralsFor(referral.agency(), location.provinceCode()), new AgencyReferral(
                        Ids.nameBased(AgencyReferral.TYPE, referral.referralId()), at, caseId, referral.referralId(),
                        referral.agency(), referral.role(), referral.areaCode(), receivedAt, concerns, severity,
                        location, child, narrative, referral.ruleId(), referral.rulesetVersion(),
                        referral.legalBasis(), referral.dueAt(), referral.unitId(), referral.forwardedFrom())),
                message(Topics.CASE_EVENTS, new ReferralIssued(
                        Ids.nameBased(ReferralIssued.TYPE, referral.referralId()), at, caseId, referral.referralId(),
                        referral.agency(), referral.role(), referral.areaCode(), referral.status(), concerns,
                        severity, referral.ruleId(), referral.rulesetVersion(), referral.legalBasis(),
                        referral.dueAt(), referral.unitId(), referral.forwardedFrom())));
    }

    /** One watchdog action: a deadline of a referral reached a stage. */
    public record Firing(String referralId, EscalationRaised.DeadlineKind deadline, ReferralOverdue.Stage stage) {
    }

    /** The case after the watchdog's pass, with the {@code ReferralOverdue} messages it owes. */
    public record Watch(Case updated, List<Firing> fired) {
        public Watch {
            fired = List.copyOf(fired);
        }
    }

    /**
     * The deadline watchdog's decision for this case at {@code now} (S0 Art 5.4; Decree 56/2017 Art 26.3, 28.1):
     * for every open referral and every unmet deadline, REMINDER once the deadline passed and ESCALATED once its
     * escalation time passed (both at once if the watchdog was down long enough). Each stage fires once: its marker
     * is set on the deadline in the same state as the {@code ReferralOverdue} (event id
     * {@code Ids.nameBased(TYPE, referralId, deadline, stage)}) is added to the outbox. Terminal referrals
     * (DECLINED, FORWARDED, COMPLETED) are not watched: their deadlines stop.
     *
     * @return empty when nothing is due
     */
    public Optional<Watch> watch(Instant now) {
        List<Firing> fired = new ArrayList<>();
        List<OutboxMessage> newOutbox = new ArrayList<>(outbox);
        List<Referral> updatedReferrals = new ArrayList<>();
        for (Referral referral : referrals) {
            if (referral.terminal()) {
                updatedReferrals.add(referral);
                continue;
            }
            List<ReferralDeadline> deadlines = new ArrayList<>();
            for (ReferralDeadline deadline : referral.deadlines()) {
                ReferralDeadline d = deadline;
                if (!d.met() && d.remindedAt() == null && !d.dueAt().isAfter(now)) {
                    d = d.fired(ReferralOverdue.Stage.REMINDER, now);
                    fired.add(new Firing(referral.referralId(), d.kind(), ReferralOverdue.Stage.REMINDER));
                    newOutbox.add(overdue(referral, d, ReferralOverdue.Stage.REMINDER, now));
                }
                if (!d.met() && d.remindedAt() != null && d.escalatedAt() == null && !d.escalateAt().isAfter(now)) {
                    d = d.fired(ReferralOverdue.Stage.ESCALATED, now);
                    fired.add(new Firing(referral.referralId(), d.kind(), ReferralOverdue.Stage.ESCALATED));
                    newOutbox.add(overdue(referral, d, ReferralOverdue.Stage.ESCALATED, now));
                }
                deadlines.add(d);
            }
            updatedReferrals.add(referral.with(referral.status(), deadlines, referral.history()));
        }
        if (fired.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Watch(new Case(caseId, reportId, sourceEventId, status, contactType, channel,
                concerns, severity, location, child, reporter, narrative, receivedAt, openedAt, rulesetVersion,
                updatedReferrals, newOutbox, triage, escalations, version, appliedResponses, submittedBy, erasure),
                fired));
    }

    private OutboxMessage overdue(Referral referral, ReferralDeadline deadline, ReferralOverdue.Stage stage,
                                  Instant now) {
        return message(Topics.CASE_EVENTS, new ReferralOverdue(
                Ids.nameBased(ReferralOverdue.TYPE, referral.referralId(), deadline.kind().name(), stage.name()),
                now, caseId, referral.referralId(), referral.agency(), referral.role(), referral.unitId(),
                referral.areaCode(), severity, deadline.kind(), deadline.dueAt(), stage, referral.status()));
    }

    /** When the watchdog next has something to do for this case ({@code null}: nothing left to watch). */
    public Instant nextWatchAt() {
        return referrals.stream().map(Referral::nextCheck).filter(at -> at != null).min(Instant::compareTo)
                .orElse(null);
    }

    /** What the intake contract requires of a report (intake-event.schema.json); field names only, no values. */
    static List<String> check(ReportSubmitted report) {
        List<String> reasons = new ArrayList<>();
        if (report == null) {
            return List.of("report is empty");
        }
        if (report.reportId() == null) {
            reasons.add("reportId is missing");
        }
        if (report.caseId() == null) {
            reasons.add("caseId is missing");
        } else if (report.reportId() != null && !report.caseId().equals(Ids.caseIdFor(report.reportId()))) {
            reasons.add("caseId is not the case id of reportId (Ids.caseIdFor)");
        }
        if (report.receivedAt() == null) {
            reasons.add("receivedAt is missing");
        }
        if (report.channel() == null) {
            reasons.add("channel is missing");
        }
        if (report.contactType() == null) {
            reasons.add("contactType is missing");
        }
        if (report.concerns().isEmpty()) {
            reasons.add("concerns must list at least one concern");
        }
        if (report.severity() == null) {
            reasons.add("severity is missing");
        }
        if (report.location() == null || report.location().provinceCode() == null
                || report.location().provinceCode().isBlank()) {
            reasons.add("location.provinceCode is missing");
        }
        return reasons;
    }

    private static List<Concern> sorted(List<Concern> concerns) {
        Set<Concern> set = EnumSet.noneOf(Concern.class);
        set.addAll(concerns);
        return List.copyOf(set);
    }

    private static OutboxMessage message(String topic, Event event) {
        return new OutboxMessage(event.eventId(), event.eventType(), topic, event.caseId(),
                EventJson.writeString(event), event.occurredAt(), null);
    }

    public boolean outboxPending() {
        return outbox.stream().anyMatch(OutboxMessage::pending);
    }

    public List<OutboxMessage> pendingMessages() {
        return outbox.stream().filter(OutboxMessage::pending).toList();
    }

    /** This case as stored at another version (stores without their own document versioning use it). */
    public Case withVersion(long newVersion) {
        return new Case(caseId, reportId, sourceEventId, status, contactType, channel, concerns, severity, location,
                child, reporter, narrative, receivedAt, openedAt, rulesetVersion, referrals, outbox, triage,
                escalations, newVersion, appliedResponses, submittedBy, erasure);
    }

    /**
     * This case with the outbox messages at the given positions marked published; their copies keep no personal
     * data from then on ({@link OutboxMessage#withoutPersonalData}).
     */
    public Case withPublished(Set<Integer> positions, Instant at) {
        List<OutboxMessage> marked = new ArrayList<>(outbox);
        positions.forEach(i -> marked.set(i, marked.get(i).publishedAt(at).withoutPersonalData()));
        return new Case(caseId, reportId, sourceEventId, status, contactType, channel, concerns, severity, location,
                child, reporter, narrative, receivedAt, openedAt, rulesetVersion, referrals, marked, triage,
                escalations, version, appliedResponses, submittedBy, erasure);
    }

    // ---- personal data: retention after closing, and erasure on request ----

    /**
     * When the case was closed, or {@code null} while it is open: a counselling contact (RECORDED, nothing routed)
     * when it was opened; a COMPLETED (or CLOSED) case at the last response applied to any of its referrals (the
     * response that completed it, or a later word from an INFORMED agency: the later, so retention never starts
     * early). A case back with the standing agency (REFERRED, everything ended without a completion) is open.
     */
    public Instant closedAt() {
        return switch (status == null ? CaseStatus.REFERRED : status) {
            case RECORDED -> openedAt;
            case COMPLETED, CLOSED -> referrals.stream().flatMap(r -> r.history().stream())
                    .map(ResponseRecord::appliedAt).filter(Objects::nonNull).max(Instant::compareTo)
                    .orElse(openedAt);
            case REFERRED, IN_PROGRESS -> null;
        };
    }

    /** Whether the personal data was erased already. */
    public boolean erased() {
        return erasure != null;
    }

    /**
     * The case without its personal data: the child's name (sex and age stay), the informant's name and phone (the
     * relationship and the anonymity and feedback flags stay), the narrative, the agencies' own wording in the
     * responses ({@code reason}, {@code note}; their codes and outcomes stay) and the same fields in every copy the
     * outbox holds, sent or not (a work order still to be sent goes without them). Codes, times, statuses,
     * referrals, deadlines and escalations stay: the figures and the agency loop need no more. Owes
     * {@code PersonalDataErased} on {@code case.events.v1} (one per case), which counts in no figure and makes
     * notification-service forget the informant's contact.
     *
     * @param cause RETENTION or REQUEST
     * @param now   when it is erased: the event's {@code occurredAt}
     */
    public ErasureDecision erasePersonalData(PersonalDataErased.Cause cause, Instant now) {
        if (erasure != null) {
            return new ErasureDecision.AlreadyErased(erasure);
        }
        PersonalDataErasure done = new PersonalDataErasure(now, cause);
        Child keptChild = child == null ? null : new Child(null, child.sex(), child.ageYears());
        Reporter keptReporter = reporter == null ? null : new Reporter(null, null, reporter.relationship(),
                reporter.anonymous(), reporter.wantsFeedback());
        List<Referral> keptReferrals = referrals.stream().map(r -> r.with(r.status(), r.deadlines(),
                r.history().stream().map(h -> new ResponseRecord(h.responseId(), h.action(), h.from(), h.to(), null,
                        h.reasonCode(), null, h.forwardTo(), h.outcome(), h.unitId(), h.respondedAt(),
                        h.appliedAt())).toList())).toList();
        List<OutboxMessage> keptOutbox = new ArrayList<>(outbox.stream().map(OutboxMessage::withoutPersonalData)
                .toList());
        keptOutbox.add(message(Topics.CASE_EVENTS, new PersonalDataErased(
                Ids.nameBased(PersonalDataErased.TYPE, caseId), now, caseId, cause)));
        return new ErasureDecision.Erased(new Case(caseId, reportId, sourceEventId, status, contactType, channel,
                concerns, severity, location, keptChild, keptReporter, null, receivedAt, openedAt, rulesetVersion,
                keptReferrals, keptOutbox, triage, escalations, version, appliedResponses, submittedBy, done), done);
    }
}
