package vn.childprotection.platform.referral.adapter.out.mongo;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.childprotection.platform.contracts.CaseStatus;
import vn.childprotection.platform.contracts.Channel;
import vn.childprotection.platform.contracts.Child;
import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.ContactType;
import vn.childprotection.platform.contracts.Location;
import vn.childprotection.platform.contracts.PersonalDataErased;
import vn.childprotection.platform.contracts.ReferralRole;
import vn.childprotection.platform.contracts.ReferralStatus;
import vn.childprotection.platform.contracts.Reporter;
import vn.childprotection.platform.contracts.ReporterRelationship;
import vn.childprotection.platform.contracts.Severity;
import vn.childprotection.platform.contracts.Sex;
import vn.childprotection.platform.referral.domain.Case;
import vn.childprotection.platform.referral.domain.OutboxMessage;
import vn.childprotection.platform.referral.domain.PersonalDataErasure;
import vn.childprotection.platform.referral.domain.Referral;
import vn.childprotection.platform.referral.domain.ReferralDeadline;
import vn.childprotection.platform.referral.domain.ResponseRecord;
import vn.childprotection.platform.contracts.ReasonCode;
import vn.childprotection.platform.contracts.ReferralOutcome;
import vn.childprotection.platform.contracts.ResponseAction;
import vn.childprotection.platform.referral.domain.Escalation;
import vn.childprotection.platform.referral.domain.Triage;
import vn.childprotection.platform.contracts.EscalationRaised;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A case as stored: database {@code referral}, collection {@code cases}, {@code _id} = case id. The document holds
 * its own outbox ({@code outbox}, {@code outboxPending}), the relay's claim ({@code leaseOwner},
 * {@code leaseUntil}) and {@code outboxUncertain} (the last relay attempt ended with messages failed or unsent: the
 * next one checks the topics first), so that state, pending messages and claim change in single-document atomic
 * writes.
 * {@code receivedAt} is kept as the ISO-8601 text the hotline sent (offset preserved). The agency loop adds
 * {@code version} (optimistic locking of every change after the insert), {@code appliedResponses} (duplicate check
 * atomic with the change), per referral its {@code deadlines} (with the watchdog's markers) and response
 * {@code history}, and {@code nextWatchAt} (when the deadline watchdog next has something to do; indexed).
 * {@code closedAt} ({@link Case#closedAt}, indexed) is when the retention of its personal data started counting;
 * {@code erasure} when and why that data was erased.
 */
@Document(collection = CaseDocument.COLLECTION)
public record CaseDocument(
        @Id String caseId,
        String reportId,
        String sourceEventId,
        CaseStatus status,
        ContactType contactType,
        Channel channel,
        List<Concern> concerns,
        Severity severity,
        LocationDoc location,
        ChildDoc child,
        ReporterDoc reporter,
        String narrative,
        String receivedAt,
        Instant openedAt,
        String rulesetVersion,
        List<ReferralDoc> referrals,
        List<OutboxDoc> outbox,
        boolean outboxPending,
        String leaseOwner,
        Instant leaseUntil,
        Boolean outboxUncertain,
        TriageDoc triage,
        List<EscalationDoc> escalations,
        Long version,
        List<String> appliedResponses,
        Instant nextWatchAt,
        String submittedBy,
        Instant closedAt,
        ErasureDoc erasure) {

    /** When and why the case's personal data was erased; absent while it is held. */
    public record ErasureDoc(Instant at, PersonalDataErased.Cause cause) {
    }

    /** {@code triage: {required, reasons}}: the routing needs a person's look (unknown area codes, OTHER). */
    public record TriageDoc(boolean required, List<String> reasons) {
    }

    public record DeadlineDoc(EscalationRaised.DeadlineKind kind, Instant dueAt, String legalBasis,
                              boolean policyDefault) {
    }

    public record EscalationDoc(String escalationId, Severity severity, String reason, String recipientRole,
                                List<DeadlineDoc> deadlines) {
    }

    public static final String COLLECTION = "cases";
    static final String OUTBOX = "outbox";
    static final String OUTBOX_PENDING = "outboxPending";
    static final String LEASE_OWNER = "leaseOwner";
    static final String LEASE_UNTIL = "leaseUntil";
    static final String OUTBOX_UNCERTAIN = "outboxUncertain";
    static final String OPENED_AT = "openedAt";
    static final String VERSION = "version";
    static final String STATUS = "status";
    static final String REFERRALS = "referrals";
    static final String TRIAGE = "triage";
    static final String APPLIED_RESPONSES = "appliedResponses";
    static final String NEXT_WATCH_AT = "nextWatchAt";
    static final String PROVINCE = "location.provinceCode";
    static final String COMMUNE = "location.communeCode";
    static final String CONCERNS = "concerns";
    static final String ESCALATIONS = "escalations";
    static final String REFERRAL_UNITS = "referrals.unitId";
    static final String SUBMITTED_BY = "submittedBy";
    static final String CLOSED_AT = "closedAt";
    static final String ERASURE = "erasure";
    static final String CHILD = "child";
    static final String REPORTER = "reporter";
    static final String NARRATIVE = "narrative";
    /** Legacy documents (written before the agency loop) carry no escalation time: due + this. */
    static final java.time.Duration LEGACY_GRACE = java.time.Duration.ofHours(2);

    public record LocationDoc(String provinceCode, String districtCode, String communeCode) {
    }

    public record ChildDoc(String fullName, Sex sex, Integer ageYears) {
    }

    public record ReporterDoc(String fullName, String phone, ReporterRelationship relationship, boolean anonymous,
                              boolean wantsFeedback) {
    }

    public record ReferralDoc(String referralId, String agency, ReferralRole role, String areaCode,
                              ReferralStatus status, String ruleId, String rulesetVersion, String legalBasis,
                              boolean policyDefault, String unitId, Instant dueAt, String note,
                              String forwardedFrom, Instant issuedAt, List<ReferralDeadlineDoc> deadlines,
                              List<ResponseDoc> history) {

        static ReferralDoc of(Referral f) {
            return new ReferralDoc(f.referralId(), f.agency(), f.role(), f.areaCode(), f.status(), f.ruleId(),
                    f.rulesetVersion(), f.legalBasis(), f.policyDefault(), f.unitId(), f.dueAt(), f.note(),
                    f.forwardedFrom(), f.issuedAt(),
                    f.deadlines().stream().map(d -> new ReferralDeadlineDoc(d.kind(), d.dueAt(), d.escalateAt(),
                            d.legalBasis(), d.policyDefault(), d.metAt(), d.remindedAt(), d.escalatedAt())).toList(),
                    f.history().stream().map(h -> new ResponseDoc(h.responseId(), h.action(), h.from(), h.to(),
                            h.reason(), h.reasonCode(), h.note(), h.forwardTo(), h.outcome(), h.unitId(),
                            h.respondedAt(), h.appliedAt())).toList());
        }

        Referral toDomain() {
            List<ReferralDeadline> due = deadlines != null ? deadlines.stream().map(d -> new ReferralDeadline(
                    d.kind(), d.dueAt(), d.escalateAt(), d.legalBasis(), d.policyDefault(), d.metAt(),
                    d.remindedAt(), d.escalatedAt())).toList()
                    // written before the agency loop: the acknowledgement deadline only
                    : dueAt == null ? List.of() : List.of(ReferralDeadline.of(EscalationRaised.DeadlineKind.ACKNOWLEDGEMENT,
                    dueAt, dueAt.plus(LEGACY_GRACE), null, true));
            return new Referral(referralId, agency, role, areaCode, status, ruleId, rulesetVersion, legalBasis,
                    policyDefault, unitId, dueAt, note, forwardedFrom, issuedAt, due,
                    history == null ? List.of() : history.stream().map(h -> new ResponseRecord(h.responseId(),
                            h.action(), h.from(), h.to(), h.reason(), h.reasonCode(), h.note(), h.forwardTo(),
                            h.outcome(), h.unitId(), h.respondedAt(), h.appliedAt())).toList());
        }
    }

    /** A referral's deadline with the watchdog's markers (remindedAt, escalatedAt: each stage fires once). */
    public record ReferralDeadlineDoc(EscalationRaised.DeadlineKind kind, Instant dueAt, Instant escalateAt,
                                      String legalBasis, boolean policyDefault, Instant metAt, Instant remindedAt,
                                      Instant escalatedAt) {
    }

    /** An applied agency response; {@code reason} and {@code note} are the agency's wording (store only). */
    public record ResponseDoc(String responseId, ResponseAction action, ReferralStatus from, ReferralStatus to,
                              String reason, ReasonCode reasonCode, String note, String forwardTo,
                              ReferralOutcome outcome, String unitId, Instant respondedAt, Instant appliedAt) {
    }

    /** @param recordedAt the event's occurredAt; absent in documents written before the relay's topic check */
    public record OutboxDoc(String eventId, String eventType, String topic, String key, String payload,
                            Instant recordedAt, Instant publishedAt) {
    }

    public static CaseDocument of(Case c) {
        Location l = c.location();
        Child ch = c.child();
        Reporter r = c.reporter();
        return new CaseDocument(c.caseId(), c.reportId() == null ? null : c.reportId().toString(),
                c.sourceEventId(), c.status(), c.contactType(), c.channel(), c.concerns(), c.severity(),
                l == null ? null : new LocationDoc(l.provinceCode(), l.districtCode(), l.communeCode()),
                ch == null ? null : new ChildDoc(ch.fullName(), ch.sex(), ch.ageYears()),
                r == null ? null : new ReporterDoc(r.fullName(), r.phone(), r.relationship(), r.anonymous(),
                        r.wantsFeedback()),
                c.narrative(), c.receivedAt() == null ? null : c.receivedAt().toString(), c.openedAt(),
                c.rulesetVersion(),
                c.referrals().stream().map(ReferralDoc::of).toList(),
                c.outbox().stream().map(m -> new OutboxDoc(m.eventId(), m.eventType(), m.topic(), m.key(),
                        m.payload(), m.recordedAt(), m.publishedAt())).toList(),
                c.outboxPending(), null, null, null,
                new TriageDoc(c.triage().required(), c.triage().reasons()),
                c.escalations().stream().map(e -> new EscalationDoc(e.escalationId(), e.severity(), e.reason(),
                        e.recipientRole(), e.deadlines().stream().map(d -> new DeadlineDoc(d.kind(), d.dueAt(),
                                d.legalBasis(), d.policyDefault())).toList())).toList(),
                c.version(), c.appliedResponses(), c.nextWatchAt(), c.submittedBy(), c.closedAt(),
                c.erasure() == null ? null : new ErasureDoc(c.erasure().at(), c.erasure().cause()));
    }

    /** This document with its outbox claimed by {@code owner} until {@code leaseUntil} (an insert that claims). */
    CaseDocument claimedBy(String owner, Instant until) {
        return new CaseDocument(caseId, reportId, sourceEventId, status, contactType, channel, concerns, severity,
                location, child, reporter, narrative, receivedAt, openedAt, rulesetVersion, referrals, outbox,
                outboxPending, owner, until, outboxUncertain, triage, escalations, version, appliedResponses,
                nextWatchAt, submittedBy, closedAt, erasure);
    }

    public Case toDomain() {
        return new Case(caseId, reportId == null ? null : UUID.fromString(reportId), sourceEventId, status,
                contactType, channel, concerns == null ? List.of() : concerns, severity,
                location == null ? null : new Location(location.provinceCode(), location.districtCode(),
                        location.communeCode()),
                child == null ? null : new Child(child.fullName(), child.sex(), child.ageYears()),
                reporter == null ? null : new Reporter(reporter.fullName(), reporter.phone(), reporter.relationship(),
                        reporter.anonymous(), reporter.wantsFeedback()),
                narrative, receivedAt == null ? null : OffsetDateTime.parse(receivedAt), openedAt, rulesetVersion,
                referrals == null ? List.of() : referrals.stream().map(ReferralDoc::toDomain).toList(),
                outbox == null ? List.of() : outbox.stream().map(m -> new OutboxMessage(m.eventId(), m.eventType(),
                        m.topic(), m.key(), m.payload(), m.recordedAt() != null ? m.recordedAt() : openedAt,
                        m.publishedAt())).toList(),
                triage == null ? null : new Triage(triage.required(), triage.reasons()),
                escalations == null ? List.of() : escalations.stream().map(e -> new Escalation(e.escalationId(),
                        e.severity(), e.reason(), e.recipientRole(), e.deadlines() == null ? List.of()
                        : e.deadlines().stream().map(d -> new EscalationRaised.Deadline(d.kind(), d.dueAt(),
                        d.legalBasis(), d.policyDefault())).toList())).toList(),
                version == null ? 0 : version, appliedResponses, submittedBy,
                erasure == null ? null : new PersonalDataErasure(erasure.at(), erasure.cause()));
    }
}
