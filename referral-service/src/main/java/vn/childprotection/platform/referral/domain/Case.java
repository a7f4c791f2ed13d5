package vn.childprotection.platform.referral.domain;

import vn.childprotection.platform.contracts.AgencyReferral;
import vn.childprotection.platform.contracts.CaseOpened;
import vn.childprotection.platform.contracts.CaseStatus;
import vn.childprotection.platform.contracts.Channel;
import vn.childprotection.platform.contracts.Child;
import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.ContactType;
import vn.childprotection.platform.contracts.EscalationRaised;
import vn.childprotection.platform.contracts.Event;
import vn.childprotection.platform.contracts.EventJson;
import vn.childprotection.platform.contracts.Ids;
import vn.childprotection.platform.contracts.Location;
import vn.childprotection.platform.contracts.ReferralIssued;
import vn.childprotection.platform.contracts.ReferralStatus;
import vn.childprotection.platform.contracts.Reporter;
import vn.childprotection.platform.contracts.ReportSubmitted;
import vn.childprotection.platform.contracts.Severity;
import vn.childprotection.platform.contracts.Topics;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The case aggregate: a report made into a case, its referrals, and the messages it still owes (its outbox).
 * Opened once per report (the case id derives from the report id), so redelivery of a report can never open a second
 * case. Every id and timestamp in the outbox is derived from the case, so republishing it repeats it exactly.
 *
 * <p>Holds personal data (the child's name, the informant, the narrative): the case store is one of the places
 * allowed to (conventions, "Personal data"); case events carry none of it.
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
        List<Escalation> escalations) {

    public Case {
        Objects.requireNonNull(caseId, "caseId");
        concerns = List.copyOf(concerns);
        referrals = List.copyOf(referrals);
        outbox = List.copyOf(outbox);
        triage = triage == null ? Triage.NONE : triage;
        escalations = escalations == null ? List.of() : List.copyOf(escalations);
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
        List<String> reasons = check(report);
        if (!reasons.isEmpty()) {
            return new CaseOpening.Rejected(report == null ? null : report.caseId(), reasons);
        }
        String caseId = report.caseId();
        RoutingPlan plan = routing.plan(new RoutingEnvironment.Request(caseId, report.receivedAt(),
                report.contactType(), report.concerns(), report.severity(), report.location(),
                report.child() == null ? null : report.child().ageYears()));
        List<Concern> concerns = sorted(report.concerns());
        List<Referral> referrals = plan.referrals().stream()
                .map(routed -> new Referral(Ids.nameBased("referral", caseId, routed.agency()), routed.agency(),
                        routed.role(), routed.areaCode(), ReferralStatus.ISSUED, routed.ruleId(),
                        plan.rulesetVersion(), routed.legalBasis(), routed.policyDefault(), routed.unitId(),
                        routed.dueAt(), routed.note()))
                .toList();
        List<Escalation> escalations = plan.escalation().stream().toList();
        CaseStatus status = referrals.isEmpty() ? CaseStatus.RECORDED : CaseStatus.REFERRED;

        List<OutboxMessage> outbox = new ArrayList<>();
        boolean feedback = report.reporter() != null && report.reporter().expectsFeedback();
        outbox.add(message(Topics.CASE_EVENTS, new CaseOpened(Ids.nameBased(CaseOpened.TYPE, caseId), openedAt,
                caseId, report.reportId(), report.receivedAt(), report.channel(), report.contactType(), concerns,
                report.severity(), report.location(), report.child() == null ? null : report.child().profile(),
                feedback, status, referrals.size())));
        for (Escalation escalation : escalations) {
            outbox.add(message(Topics.CASE_EVENTS, new EscalationRaised(
                    Ids.nameBased(EscalationRaised.TYPE, escalation.escalationId()), openedAt, caseId,
                    escalation.escalationId(), escalation.severity(), escalation.reason(),
                    escalation.recipientRole(), escalation.deadlines())));
        }
        for (Referral referral : referrals) {
            outbox.add(message(Topics.referralsFor(referral.agency()), new AgencyReferral(
                    Ids.nameBased(AgencyReferral.TYPE, referral.referralId()), openedAt, caseId,
                    referral.referralId(), referral.agency(), referral.role(), referral.areaCode(),
                    report.receivedAt(), concerns, report.severity(), report.location(), report.child(),
                    report.narrative(), referral.ruleId(), referral.rulesetVersion(), referral.legalBasis(),
                    referral.dueAt(), referral.unitId())));
            outbox.add(message(Topics.CASE_EVENTS, new ReferralIssued(
                    Ids.nameBased(ReferralIssued.TYPE, referral.referralId()), openedAt, caseId,
                    referral.referralId(), referral.agency(), referral.role(), referral.areaCode(), referral.status(),
                    concerns, report.severity(), referral.ruleId(), referral.rulesetVersion(),
                    referral.legalBasis(), referral.dueAt(), referral.unitId())));
        }
        return new CaseOpening.Opened(new Case(caseId, report.reportId(), report.eventId(), status,
                report.contactType(), report.channel(), concerns, report.severity(), report.location(),
                report.child(), report.reporter(), report.narrative(), report.receivedAt(), openedAt,
                plan.rulesetVersion(), referrals, outbox, plan.triage(), escalations));
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
                EventJson.writeString(event), null);
    }

    public boolean outboxPending() {
        return outbox.stream().anyMatch(OutboxMessage::pending);
    }

    public List<OutboxMessage> pendingMessages() {
        return outbox.stream().filter(OutboxMessage::pending).toList();
    }

    /** This case with the outbox messages at the given positions marked published. */
    public Case withPublished(Set<Integer> positions, Instant at) {
        List<OutboxMessage> marked = new ArrayList<>(outbox);
        positions.forEach(i -> marked.set(i, marked.get(i).publishedAt(at)));
        return new Case(caseId, reportId, sourceEventId, status, contactType, channel, concerns, severity, location,
                child, reporter, narrative, receivedAt, openedAt, rulesetVersion, referrals, marked, triage,
                escalations);
    }
}
