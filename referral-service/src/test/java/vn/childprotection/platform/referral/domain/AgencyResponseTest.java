package vn.childprotection.platform.referral.domain;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.contracts.Agencies;
import vn.childprotection.platform.contracts.AgencyReferral;
import vn.childprotection.platform.contracts.AgencyReferralEvent;
import vn.childprotection.platform.contracts.CaseEvent;
import vn.childprotection.platform.contracts.CaseStatus;
import vn.childprotection.platform.contracts.CaseStatusChanged;
import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.EscalationRaised.DeadlineKind;
import vn.childprotection.platform.contracts.EscalationRaised;
import vn.childprotection.platform.contracts.EventJson;
import vn.childprotection.platform.contracts.Ids;
import vn.childprotection.platform.contracts.Location;
import vn.childprotection.platform.contracts.ReasonCode;
import vn.childprotection.platform.contracts.ReferralIssued;
import vn.childprotection.platform.contracts.ReferralOutcome;
import vn.childprotection.platform.contracts.ReferralRole;
import vn.childprotection.platform.contracts.ReferralStatus;
import vn.childprotection.platform.contracts.ReferralStatusChanged;
import vn.childprotection.platform.contracts.ResponseAction;
import vn.childprotection.platform.contracts.Severity;
import vn.childprotection.platform.contracts.Topics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.childprotection.platform.referral.fixtures.ReportFixtures.CHILD_NAME;
import static vn.childprotection.platform.referral.fixtures.ReportFixtures.NARRATIVE;
import static vn.childprotection.platform.referral.fixtures.ReportFixtures.report;
import static vn.childprotection.platform.referral.fixtures.ResponseFixtures.AGENCY_NOTE;
import static vn.childprotection.platform.referral.fixtures.ResponseFixtures.AGENCY_REASON;
import static vn.childprotection.platform.referral.fixtures.ResponseFixtures.response;
import static vn.childprotection.platform.referral.fixtures.RoutingFixtures.shippedRouting;

/** The agency loop on the case aggregate (S0 Art 7.2, 8.4): what a response changes, issues and publishes. */
class AgencyResponseTest {

    private static final Instant OPENED = Instant.parse("2026-11-20T02:16:00Z");
    private static final Instant NOW = Instant.parse("2026-11-20T04:00:00Z");

    @Test
    void acceptedThenCompletedByEveryActingAgencyCompletesTheCaseWithItsOutcomes() {
        // HIV/AIDS: SOCIAL_AFFAIRS primary, HEALTH supporting
        Case c = open(Concern.HIV_AIDS, Severity.HIGH);
        c = applied(c, Agencies.SOCIAL_AFFAIRS, ResponseAction.ACCEPTED).updated();
        assertThat(c.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        c = applied(c, Agencies.SOCIAL_AFFAIRS, ResponseAction.COMPLETED).updated();
        assertThat(c.status()).as("HEALTH is still open").isEqualTo(CaseStatus.IN_PROGRESS);
        int before = c.outbox().size();

        ResponseDecision.Applied last = c.respond(response(c, referral(c, Agencies.HEALTH), ResponseAction.ACCEPTED)
                .build(), NOW, shippedRouting()) instanceof ResponseDecision.Applied a ? a : null;
        c = last.updated();
        ResponseDecision.Applied done = (ResponseDecision.Applied) c.respond(response(c,
                referral(c, Agencies.HEALTH), ResponseAction.COMPLETED).outcome(ReferralOutcome.REFERRED_TO_SERVICES)
                .build(), NOW, shippedRouting());

        assertThat(done.caseFrom()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(done.caseTo()).isEqualTo(CaseStatus.COMPLETED);
        List<CaseEvent> events = caseEvents(done.updated(), c.outbox().size());
        assertThat(events).hasSize(2);
        ReferralStatusChanged changed = (ReferralStatusChanged) events.get(0);
        assertThat(changed.from()).isEqualTo(ReferralStatus.ACCEPTED);
        assertThat(changed.to()).isEqualTo(ReferralStatus.COMPLETED);
        assertThat(changed.outcome()).isEqualTo(ReferralOutcome.REFERRED_TO_SERVICES);
        assertThat(changed.caseStatus()).isEqualTo(CaseStatus.COMPLETED);
        CaseStatusChanged status = (CaseStatusChanged) events.get(1);
        assertThat(status.to()).isEqualTo(CaseStatus.COMPLETED);
        assertThat(status.outcomes()).containsExactly(ReferralOutcome.SUPPORT_PROVIDED,
                ReferralOutcome.REFERRED_TO_SERVICES);
        assertThat(status.eventId()).isEqualTo(Ids.nameBased(CaseStatusChanged.TYPE, c.caseId(), changed.eventId()));
        assertThat(changed.eventId()).isEqualTo(Ids.nameBased(ReferralStatusChanged.TYPE, changed.referralId(),
                changed.responseId()));
        assertThat(before).isLessThan(done.updated().outbox().size());
    }

    @Test
    void theAgencysWordingStaysInTheStoreAndCaseEventsCarryCodesOnly() {
        Case c = open(Concern.SEXUAL_ABUSE, Severity.HIGH);
        ResponseDecision.Applied declined = (ResponseDecision.Applied) c.respond(response(c,
                referral(c, Agencies.HEALTH), ResponseAction.DECLINED).note(AGENCY_NOTE)
                .reasonCode(ReasonCode.OUTSIDE_MANDATE).build(), NOW, shippedRouting());

        ResponseRecord record = declined.referral().history().getLast();
        assertThat(record.reason()).isEqualTo(AGENCY_REASON);
        assertThat(record.note()).isEqualTo(AGENCY_NOTE);
        assertThat(record.reasonCode()).isEqualTo(ReasonCode.OUTSIDE_MANDATE);
        assertThat(record.appliedAt()).isEqualTo(NOW);
        List<String> added = declined.updated().outbox().subList(c.outbox().size(),
                declined.updated().outbox().size()).stream().map(OutboxMessage::payload).toList();
        assertThat(added).isNotEmpty().allSatisfy(payload -> assertThat(payload).doesNotContain(AGENCY_REASON)
                .doesNotContain(AGENCY_NOTE).doesNotContain(CHILD_NAME));
        assertThat(((ReferralStatusChanged) caseEvents(declined.updated(), c.outbox().size()).getFirst())
                .reasonCode()).isEqualTo(ReasonCode.OUTSIDE_MANDATE);
    }

    @Test
    void aDeclineWithoutAReasonCodeIsCodedOther() {
        Case c = open(Concern.SEXUAL_ABUSE, Severity.HIGH);
        ResponseDecision.Applied declined = applied(c, Agencies.HEALTH, ResponseAction.DECLINED);
        assertThat(((ReferralStatusChanged) caseEvents(declined.updated(), c.outbox().size()).getFirst())
                .reasonCode()).isEqualTo(ReasonCode.OTHER);
    }

    @Test
    void aForwardIssuesAReferralToTheTargetsMostLocalUnitWithTheSameRoleAndFreshDeadlines() {
        Case c = open(Concern.HIV_AIDS, Severity.EMERGENCY);
        Referral health = referral(c, Agencies.HEALTH);

        ResponseDecision.Applied forwarded = (ResponseDecision.Applied) c.respond(response(c, health,
                ResponseAction.FORWARDED).forwardTo(Agencies.POLICE).reasonCode(ReasonCode.BETTER_PLACED_AGENCY)
                .build(), NOW, shippedRouting());

        assertThat(forwarded.to()).isEqualTo(ReferralStatus.FORWARDED);
        Referral made = forwarded.issued().getFirst();
        assertThat(made.referralId()).isEqualTo(Ids.nameBased("referral", c.caseId(), Agencies.POLICE,
                "forwardedFrom", health.referralId()));
        assertThat(made.agency()).isEqualTo(Agencies.POLICE);
        assertThat(made.role()).isEqualTo(ReferralRole.SUPPORTING);
        assertThat(made.ruleId()).isEqualTo("FORWARDED");
        assertThat(made.legalBasis()).isEqualTo("S0 Art 7.2");
        assertThat(made.forwardedFrom()).isEqualTo(health.referralId());
        assertThat(made.unitId()).isEqualTo("11-03127-POLICE"); // the commune police, as routing would choose
        assertThat(made.dueAt()).isEqualTo(NOW.plus(Duration.ofHours(1))); // EMERGENCY acknowledgement, from now
        assertThat(made.issuedAt()).isEqualTo(NOW);
        assertThat(forwarded.updated().referrals()).hasSize(c.referrals().size() + 1);

        List<OutboxMessage> added = forwarded.updated().outbox().subList(c.outbox().size(),
                forwarded.updated().outbox().size());
        assertThat(added).extracting(OutboxMessage::eventType).containsExactly(ReferralStatusChanged.TYPE,
                AgencyReferral.TYPE, ReferralIssued.TYPE);
        assertThat(added.get(1).topic()).isEqualTo(Topics.referralsFor(Agencies.POLICE, "11"));
        AgencyReferral work = (AgencyReferral) EventJson.read(added.get(1).payload(), AgencyReferralEvent.class);
        assertThat(work.forwardedFrom()).isEqualTo(health.referralId());
        assertThat(work.child().fullName()).isEqualTo(CHILD_NAME); // the agency needs the child to act
        assertThat(work.narrative()).isEqualTo(NARRATIVE);
        ReferralIssued issued = (ReferralIssued) EventJson.read(added.get(2).payload(), CaseEvent.class);
        assertThat(issued.forwardedFrom()).isEqualTo(health.referralId());
        assertThat(issued.ruleId()).isEqualTo("FORWARDED");
    }

    @Test
    void aForwardToAnUnknownTheSameOrAnAlreadyActingAgencyIsRefused() {
        Case c = open(Concern.SEXUAL_ABUSE, Severity.HIGH);
        Referral health = referral(c, Agencies.HEALTH);

        assertRefused(c, response(c, health, ResponseAction.FORWARDED).forwardTo("MINISTRY_OF_MAGIC").build(),
                "forward-target-invalid", "not an agency");
        assertRefused(c, response(c, health, ResponseAction.FORWARDED).forwardTo(Agencies.HEALTH).build(),
                "forward-target-invalid", "own agency");
        assertRefused(c, response(c, health, ResponseAction.FORWARDED).forwardTo(Agencies.POLICE).build(),
                "forward-target-invalid", "already holds open referral");
    }

    @Test
    void aForwardToAnAgencyThatIsOnlyInformedIsAllowed() {
        // Bắc Kạn (S1 BK-01): the procuracy is INFORMED of HIGH violence; it may still be forwarded the case
        Case c = ((CaseOpening.Opened) Case.open(report().concerns(Concern.VIOLENCE).severity(Severity.HIGH)
                .location(new Location("06", "058", null)).build(), shippedRouting(), OPENED)).opened();
        Referral informed = referral(c, "PROCURACY");
        assertThat(informed.role()).isEqualTo(ReferralRole.INFORMED);

        ResponseDecision decision = c.respond(response(c, referral(c, Agencies.POLICE), ResponseAction.FORWARDED)
                .forwardTo("PROCURACY").build(), NOW, shippedRouting());

        assertThat(decision).isInstanceOfSatisfying(ResponseDecision.Applied.class, applied ->
                assertThat(applied.issued().getFirst().role()).isEqualTo(ReferralRole.PRIMARY));
    }

    @Test
    void aResponseFromAnotherAgencyForAnUnknownReferralOrAnotherCaseIsRefusedAndChangesNothing() {
        Case c = open(Concern.SEXUAL_ABUSE, Severity.HIGH);
        Referral police = referral(c, Agencies.POLICE);

        assertRefused(c, response(c, police, ResponseAction.ACCEPTED).agency(Agencies.HEALTH).build(),
                "wrong-agency", "issued to POLICE, not to HEALTH");
        assertRefused(c, response(c, police, ResponseAction.ACCEPTED).referralId(Ids.nameBased("nope")).build(),
                "unknown-referral", "has no referral");
        assertRefused(c, response(c, police, ResponseAction.ACCEPTED).caseId(Ids.nameBased("other")).build(),
                "case-mismatch", "belongs to case");
        assertRefused(c, response(c, police, ResponseAction.COMPLETED).bare().build(), "missing-outcome", "outcome");
        assertRefused(c, response(c, police, ResponseAction.DECLINED).bare().build(), "missing-reason", "reason");
        assertRefused(c, response(c, police, ResponseAction.FORWARDED).bare().reason("x").build(),
                "missing-forward-target", "forwardTo");
    }

    @Test
    void aResponseIdAppliedBeforeIsADuplicateWhateverHappenedSince() {
        Case c = open(Concern.SEXUAL_ABUSE, Severity.HIGH);
        Referral police = referral(c, Agencies.POLICE);
        var accepted = response(c, police, ResponseAction.ACCEPTED).responseId("police-1").build();
        Case afterAccept = ((ResponseDecision.Applied) c.respond(accepted, NOW, shippedRouting())).updated();
        Case afterComplete = applied(afterAccept, Agencies.POLICE, ResponseAction.COMPLETED).updated();

        assertThat(afterComplete.respond(accepted, NOW, shippedRouting()))
                .isEqualTo(new ResponseDecision.Duplicate(c.caseId(), police.referralId(), "police-1"));
        assertThat(afterAccept.appliedResponses()).containsExactly("police-1");
    }

    @Test
    void aProgressUpdateIsRecordedWithoutAStatusChangeEvent() {
        Case c = open(Concern.SEXUAL_ABUSE, Severity.HIGH);
        c = applied(c, Agencies.POLICE, ResponseAction.ACCEPTED).updated();
        c = applied(c, Agencies.POLICE, ResponseAction.IN_PROGRESS).updated();

        ResponseDecision.Applied update = applied(c, Agencies.POLICE, ResponseAction.IN_PROGRESS);

        assertThat(update.updated().outbox()).hasSameSizeAs(c.outbox());
        assertThat(update.referral().history()).extracting(ResponseRecord::action).containsExactly(
                ResponseAction.ACCEPTED, ResponseAction.IN_PROGRESS, ResponseAction.IN_PROGRESS);
    }

    @Test
    void aDeclineByTheOnlyPrimaryAgencySendsTheCaseBackToTheStandingAgencysProvincialUnit() {
        // DOMESTIC_VIOLENCE: WOMENS_UNION is the only primary agency
        Case c = open(Concern.DOMESTIC_VIOLENCE, Severity.NORMAL);
        Referral women = referral(c, Agencies.WOMENS_UNION);

        ResponseDecision.Applied declined = applied(c, Agencies.WOMENS_UNION, ResponseAction.DECLINED);

        Referral triage = declined.issued().getFirst();
        assertThat(triage.agency()).isEqualTo(Agencies.SOCIAL_AFFAIRS);
        assertThat(triage.role()).isEqualTo(ReferralRole.PRIMARY);
        assertThat(triage.ruleId()).isEqualTo("TRIAGE-AFTER-DECLINE");
        assertThat(triage.legalBasis()).isEqualTo("S0 Art 8.4");
        assertThat(triage.forwardedFrom()).isEqualTo(women.referralId());
        assertThat(triage.areaCode()).isEqualTo("11");
        assertThat(triage.unitId()).isEqualTo("11-SOCIAL_AFFAIRS");
        assertThat(declined.caseTo()).isEqualTo(CaseStatus.REFERRED);
        assertThat(declined.updated().outbox().subList(c.outbox().size(), declined.updated().outbox().size()))
                .extracting(OutboxMessage::topic)
                .contains(Topics.referralsFor(Agencies.SOCIAL_AFFAIRS, "11"));
    }

    @Test
    void aDeclineByTheStandingAgencysProvincialUnitFlagsTheCaseForTheCoordinatorInsteadOfLooping() {
        Case c = open(Concern.DOMESTIC_VIOLENCE, Severity.NORMAL);
        c = applied(c, Agencies.WOMENS_UNION, ResponseAction.DECLINED).updated();
        Referral triage = c.referrals().getLast();

        ResponseDecision.Applied declinedAgain = (ResponseDecision.Applied) c.respond(response(c, triage,
                ResponseAction.DECLINED).build(), NOW, shippedRouting());

        assertThat(declinedAgain.issued()).isEmpty();
        assertThat(declinedAgain.updated().triage().required()).isTrue();
        assertThat(declinedAgain.updated().triage().reasons()).anySatisfy(reason ->
                assertThat(reason).contains(triage.referralId()).contains("coordinator"));
    }

    @Test
    void whenNoAgencyIsLeftToActTheCoordinatorIsAlertedAtOnceByAnEscalation() {
        Case c = applied(open(Concern.DOMESTIC_VIOLENCE, Severity.NORMAL), Agencies.WOMENS_UNION,
                ResponseAction.DECLINED).updated();
        Referral triage = c.referrals().getLast();

        Case declinedAgain = ((ResponseDecision.Applied) c.respond(response(c, triage, ResponseAction.DECLINED)
                .build(), NOW, shippedRouting())).updated();

        // S0 Art 5.4: the coordinator decides; an EscalationRaised is what notification-service alerts them on
        List<EscalationRaised> raised = declinedAgain.outbox().subList(c.outbox().size(), declinedAgain.outbox().size())
                .stream().filter(m -> m.eventType().equals(EscalationRaised.TYPE))
                .map(m -> (EscalationRaised) EventJson.read(m.payload(), CaseEvent.class))
                .toList();
        assertThat(raised).singleElement().satisfies(escalation -> {
            assertThat(escalation.recipientRole()).isEqualTo(EscalationRaised.COORDINATOR);
            assertThat(escalation.reason()).contains(triage.referralId()).contains("S0 Art 8.4, 5.4");
            assertThat(escalation.severity()).isEqualTo(Severity.NORMAL);
            assertThat(escalation.eventId()).isEqualTo(Ids.nameBased(EscalationRaised.TYPE,
                    Ids.nameBased("escalation", c.caseId(), "declined", triage.referralId())));
            assertThat(escalation.occurredAt()).isEqualTo(NOW);
            assertThat(escalation.declinedReferralId()).isEqualTo(triage.referralId());
            assertThat(escalation.deadlines()).isEmpty();
        });
        assertThat(declinedAgain.escalations()).extracting(Escalation::escalationId)
                .contains(raised.getFirst().escalationId());
    }

    @Test
    void aDeclineWhileAnotherPrimaryAgencyActsIssuesNoTriageReferral() {
        Case c = open(Concern.SEXUAL_ABUSE, Severity.HIGH); // SOCIAL_AFFAIRS and POLICE primary
        assertThat(applied(c, Agencies.POLICE, ResponseAction.DECLINED).issued()).isEmpty();
    }

    @Test
    void responsesMeetTheDeadlinesTheirActionFulfils() {
        Case c = open(Concern.SEXUAL_ABUSE, Severity.EMERGENCY);
        Referral police = referral(c, Agencies.POLICE);
        assertThat(police.deadlines()).extracting(ReferralDeadline::kind).containsExactly(
                DeadlineKind.ACKNOWLEDGEMENT, DeadlineKind.EMERGENCY_MEASURES, DeadlineKind.SUPPORT_PLAN);

        Referral acknowledged = applied(c, Agencies.POLICE, ResponseAction.ACKNOWLEDGED).referral();
        assertThat(acknowledged.deadlines()).extracting(ReferralDeadline::met).containsExactly(true, false, false);
        c = applied(c, Agencies.POLICE, ResponseAction.ACCEPTED).updated();
        assertThat(referral(c, Agencies.POLICE).deadlines()).extracting(ReferralDeadline::met)
                .containsExactly(true, true, false);
        Referral working = applied(c, Agencies.POLICE, ResponseAction.IN_PROGRESS).referral();
        assertThat(working.deadlines()).extracting(ReferralDeadline::met).containsExactly(true, true, true);
    }

    private static void assertRefused(Case c, vn.childprotection.platform.contracts.AgencyResponse response,
                                      String code, String detail) {
        assertThat(c.respond(response, NOW, shippedRouting())).isInstanceOfSatisfying(
                ResponseDecision.Rejected.class, rejected -> {
                    assertThat(rejected.code()).isEqualTo(code);
                    assertThat(rejected.detail()).contains(detail).doesNotContain(AGENCY_REASON);
                });
    }

    @Test
    void anOldCaseAnsweredAfterTheChangeKeepsItsMapAndRulesetAndANewReferralGoesToAUnitOfToday() {
        // received 20 June 2025 in An Giang (89), district Long Xuyên (883): the three-level map, An Giang's rules
        Case old = ((CaseOpening.Opened) Case.open(report().concerns(Concern.HIV_AIDS).severity(Severity.HIGH)
                .receivedAt(java.time.OffsetDateTime.parse("2025-06-20T10:00:00+07:00"))
                .location(new Location("89", "883", "30292")).build(), shippedRouting(),
                Instant.parse("2025-06-20T03:01:00Z"))).opened();
        Referral health = referral(old, Agencies.HEALTH);
        assertThat(health.unitId()).isEqualTo("89-883-HEALTH");

        ResponseDecision.Applied forwarded = (ResponseDecision.Applied) old.respond(response(old, health,
                ResponseAction.FORWARDED).forwardTo(Agencies.POLICE).reasonCode(ReasonCode.BETTER_PLACED_AGENCY)
                .build(), NOW, shippedRouting());

        assertThat(forwarded.updated().rulesetVersion()).isEqualTo(old.rulesetVersion())
                .isEqualTo("VN-national-2025.1+89-an-giang-2025.1");
        assertThat(forwarded.updated().location()).isEqualTo(new Location("89", "883", "30292"));
        assertThat(forwarded.updated().referrals()).filteredOn(r -> r.agency().equals(Agencies.HEALTH))
                .singleElement().satisfies(r -> assertThat(r.unitId()).isEqualTo("89-883-HEALTH"));
        // the district police ended on 30 June 2025: the same place on today's map, Phường Bình Đức of An Giang (91)
        Referral police = forwarded.issued().getFirst();
        assertThat(police.unitId()).isEqualTo("91-30292-POLICE");
        assertThat(police.rulesetVersion()).isEqualTo(old.rulesetVersion());
    }

    static Case open(Concern concern, Severity severity) {
        return ((CaseOpening.Opened) Case.open(report().concerns(concern).severity(severity).build(),
                shippedRouting(), OPENED)).opened();
    }

    static Referral referral(Case c, String agency) {
        return c.referrals().stream().filter(r -> r.agency().equals(agency) && r.open()).findFirst().orElseThrow();
    }

    private static ResponseDecision.Applied applied(Case c, String agency, ResponseAction action) {
        ResponseDecision decision = c.respond(response(c, referral(c, agency), action).build(), NOW,
                shippedRouting());
        assertThat(decision).as(decision.toString()).isInstanceOf(ResponseDecision.Applied.class);
        return (ResponseDecision.Applied) decision;
    }

    private static List<CaseEvent> caseEvents(Case c, int from) {
        return c.outbox().subList(from, c.outbox().size()).stream()
                .filter(m -> m.topic().equals(Topics.CASE_EVENTS))
                .map(m -> EventJson.read(m.payload(), CaseEvent.class)).toList();
    }
}
