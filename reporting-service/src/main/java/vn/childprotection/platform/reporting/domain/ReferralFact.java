package vn.childprotection.platform.reporting.domain;

import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.EscalationRaised.DeadlineKind;
import vn.childprotection.platform.contracts.ReasonCode;
import vn.childprotection.platform.contracts.ReferralOutcome;
import vn.childprotection.platform.contracts.ReferralOverdue;
import vn.childprotection.platform.contracts.ReferralRole;
import vn.childprotection.platform.contracts.ReferralStatus;
import vn.childprotection.platform.contracts.Severity;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything reporting knows about one referral of a case to one agency (S0 Art 9.5), one fact per referral id:
 * when it was issued, acknowledged, accepted, started, completed, declined or forwarded (S0 Art 7.2), with the reason
 * codes and the outcome, and the deadlines the watchdog reported overdue. Milestone times only ever move earlier
 * (the first time a milestone was reached), the status only moves to the state of a newer event, and every event is
 * reflected once ({@code appliedEventIds}).
 *
 * @see ProjectionRules
 */
public final class ReferralFact {

    /** A deadline the watchdog reported passed, at its furthest stage. */
    public record OverdueMark(Instant dueAt, ReferralOverdue.Stage stage) {
    }

    private final String referralId;
    private final String caseId;
    private String agency;
    private ReferralRole role;
    private String areaCode;
    private String unitId;
    private List<Concern> concerns = List.of();
    private Severity severity;
    private Instant issuedAt;
    private String ruleId;
    private String rulesetVersion;
    private String forwardedFrom;
    private Instant acknowledgementDueAt;
    private ReferralStatus status;
    private EventVersion statusVersion;
    private Instant acknowledgedAt;
    private Instant acceptedAt;
    private Instant supportStartedAt;
    private Instant completedAt;
    private Instant declinedAt;
    private Instant forwardedAt;
    private ReasonCode declineReason;
    private ReasonCode forwardReason;
    private String forwardTo;
    private ReferralOutcome outcome;
    private final Map<DeadlineKind, OverdueMark> overdue = new EnumMap<>(DeadlineKind.class);
    private CaseContext caseContext;
    private final Set<String> appliedEventIds = new LinkedHashSet<>();
    private EventVersion lastEvent;

    public ReferralFact(String referralId, String caseId) {
        this.referralId = Objects.requireNonNull(referralId, "referralId");
        this.caseId = Objects.requireNonNull(caseId, "caseId");
    }

    public boolean hasApplied(String eventId) {
        return appliedEventIds.contains(eventId);
    }

    void markApplied(EventVersion version) {
        appliedEventIds.add(version.eventId());
        if (lastEvent == null || lastEvent.isOlderThan(version)) {
            lastEvent = version;
        }
    }

    /** Still with the agency: not completed, declined or forwarded. */
    public boolean isOpen() {
        return status != ReferralStatus.COMPLETED && status != ReferralStatus.DECLINED
                && status != ReferralStatus.FORWARDED;
    }

    // --- accessors -------------------------------------------------------------------------------------------

    public String referralId() { return referralId; }
    public String caseId() { return caseId; }
    public String agency() { return agency; }
    public ReferralRole role() { return role; }
    public String areaCode() { return areaCode; }
    public String unitId() { return unitId; }
    public List<Concern> concerns() { return concerns; }
    public Severity severity() { return severity; }
    public Instant issuedAt() { return issuedAt; }
    public String ruleId() { return ruleId; }
    public String rulesetVersion() { return rulesetVersion; }
    public String forwardedFrom() { return forwardedFrom; }
    public Instant acknowledgementDueAt() { return acknowledgementDueAt; }
    public ReferralStatus status() { return status; }
    public EventVersion statusVersion() { return statusVersion; }
    public Instant acknowledgedAt() { return acknowledgedAt; }
    public Instant acceptedAt() { return acceptedAt; }
    public Instant supportStartedAt() { return supportStartedAt; }
    public Instant completedAt() { return completedAt; }
    public Instant declinedAt() { return declinedAt; }
    public Instant forwardedAt() { return forwardedAt; }
    public ReasonCode declineReason() { return declineReason; }
    public ReasonCode forwardReason() { return forwardReason; }
    public String forwardTo() { return forwardTo; }
    public ReferralOutcome outcome() { return outcome; }
    public Map<DeadlineKind, OverdueMark> overdue() { return overdue; }
    public CaseContext caseContext() { return caseContext; }
    public Set<String> appliedEventIds() { return appliedEventIds; }
    public EventVersion lastEvent() { return lastEvent; }

    // --- state, set by the rules and by the store when it reads a fact back -------------------------------------

    public ReferralFact describe(String agency, ReferralRole role, String areaCode, String unitId,
                                 List<Concern> concerns, Severity severity, Instant issuedAt, String ruleId,
                                 String rulesetVersion, String forwardedFrom, Instant acknowledgementDueAt) {
        this.agency = agency;
        this.role = role;
        this.areaCode = areaCode;
        this.unitId = unitId;
        this.concerns = concerns == null ? List.of() : concerns.stream().filter(Objects::nonNull).toList();
        this.severity = severity;
        this.issuedAt = issuedAt;
        this.ruleId = ruleId;
        this.rulesetVersion = rulesetVersion;
        this.forwardedFrom = forwardedFrom;
        this.acknowledgementDueAt = acknowledgementDueAt;
        return this;
    }

    public ReferralFact status(ReferralStatus status, EventVersion version) {
        this.status = status;
        this.statusVersion = version;
        return this;
    }

    public ReferralFact milestones(Instant acknowledgedAt, Instant acceptedAt, Instant supportStartedAt,
                                   Instant completedAt, Instant declinedAt, Instant forwardedAt) {
        this.acknowledgedAt = acknowledgedAt;
        this.acceptedAt = acceptedAt;
        this.supportStartedAt = supportStartedAt;
        this.completedAt = completedAt;
        this.declinedAt = declinedAt;
        this.forwardedAt = forwardedAt;
        return this;
    }

    public ReferralFact reasons(ReasonCode declineReason, ReasonCode forwardReason, String forwardTo,
                                ReferralOutcome outcome) {
        this.declineReason = declineReason;
        this.forwardReason = forwardReason;
        this.forwardTo = forwardTo;
        this.outcome = outcome;
        return this;
    }

    public ReferralFact caseContext(CaseContext context) {
        this.caseContext = context;
        return this;
    }

    public ReferralFact lastEvent(EventVersion version) {
        this.lastEvent = version;
        return this;
    }

    void setIdentity(String agency, ReferralRole role, String unitId) {
        if (this.agency == null) this.agency = agency;
        if (this.role == null) this.role = role;
        if (this.unitId == null) this.unitId = unitId;
    }

    void setAreaAndSeverity(String areaCode, Severity severity) {
        if (this.areaCode == null) this.areaCode = areaCode;
        if (this.severity == null) this.severity = severity;
    }

    void mergeMilestones(Instant acknowledged, Instant accepted, Instant supportStarted, Instant completed,
                         Instant declined, Instant forwarded) {
        acknowledgedAt = earliest(acknowledgedAt, acknowledged);
        acceptedAt = earliest(acceptedAt, accepted);
        supportStartedAt = earliest(supportStartedAt, supportStarted);
        completedAt = earliest(completedAt, completed);
        declinedAt = earliest(declinedAt, declined);
        forwardedAt = earliest(forwardedAt, forwarded);
    }

    void mergeReasons(ReasonCode decline, ReasonCode forward, String to, ReferralOutcome result) {
        if (decline != null) declineReason = decline;
        if (forward != null) forwardReason = forward;
        if (to != null) forwardTo = to;
        if (result != null) outcome = result;
    }

    static Instant earliest(Instant a, Instant b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.isBefore(b) ? a : b;
    }
}
