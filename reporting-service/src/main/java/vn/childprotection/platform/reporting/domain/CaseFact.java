package vn.childprotection.platform.reporting.domain;

import vn.childprotection.platform.contracts.CaseStatus;
import vn.childprotection.platform.contracts.Channel;
import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.ContactType;
import vn.childprotection.platform.contracts.EscalationRaised.DeadlineKind;
import vn.childprotection.platform.contracts.ReferralOutcome;
import vn.childprotection.platform.contracts.Severity;
import vn.childprotection.platform.contracts.Sex;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything reporting knows about one case, one fact per case id (S0 Art 9.4 reports are aggregates of these).
 * Holds no personal data: the child only as sex, age and the optional {@code childKey} pseudonym. A fact is folded
 * from the case's events by {@link ProjectionRules}; it remembers the ids of the events it reflects
 * ({@code appliedEventIds}), so an event is counted once whatever the redelivery, and its {@code statusVersion} so
 * that an older event never moves the status backwards. A fact may exist before its CaseOpened event (a status
 * change seen first); it is {@link #opened()} only once the opening event is in.
 */
public final class CaseFact {

    private final String caseId;
    private String reportId;
    private Instant receivedAt;
    private LocalDate receivedDate;
    private Channel channel;
    private ContactType contactType;
    private List<Concern> concerns = List.of();
    private Severity severity;
    private String provinceCode;
    private String districtCode;
    private String communeCode;
    private CaseArea area;
    private Sex childSex;
    private Integer childAgeYears;
    private String childKey;
    private boolean informantExpectsFeedback;
    private CaseStatus status;
    private EventVersion statusVersion;
    private int referralCount;
    private Instant openedAt;
    private Instant completedAt;
    private Instant closedAt;
    private Instant escalatedAt;
    private final Set<ReferralOutcome> outcomes = new LinkedHashSet<>();
    private final Map<DeadlineKind, Instant> deadlines = new EnumMap<>(DeadlineKind.class);
    private final Set<String> appliedEventIds = new LinkedHashSet<>();
    private EventVersion lastEvent;

    public CaseFact(String caseId) {
        this.caseId = Objects.requireNonNull(caseId, "caseId");
    }

    /** True once the CaseOpened event is reflected: only opened cases are counted. */
    public boolean opened() {
        return openedAt != null;
    }

    public boolean isIntervention() {
        return contactType == ContactType.INTERVENTION;
    }

    /**
     * Records where the case lies for the figures (the map of its day, its province on the latest map), derived from
     * its reception date and codes; called whenever the codes are set, by the rules and when a fact is read back, so
     * that a fact stored before it recorded them gets them too.
     */
    public CaseFact place(Areas areas) {
        this.area = areas.caseArea(receivedDate, provinceCode, districtCode, communeCode);
        return this;
    }

    /** The map of the case's day ({@code VN-2024}, {@code VN-2025}); {@code null} before it is placed. */
    public String areaMap() {
        return area == null ? null : area.map();
    }

    /** The province of the latest map the case counts under; the province as given before it is placed. */
    public String latestProvinceCode() {
        return area == null ? provinceCode : area.latestProvince();
    }

    /** The district, for a case on a map with districts (given, or its commune's); otherwise {@code null}. */
    public String districtOnMap() {
        return area == null ? districtCode : area.district();
    }

    /** The commune, for a case on a map without districts (the two-level map); otherwise {@code null}. */
    public String communeOnMap() {
        return area == null || !area.districts() ? communeCode : null;
    }

    /** The commune, when the case is on the latest map (what a commune filter names); otherwise {@code null}. */
    public String communeOnLatestMap() {
        return area == null || !area.districts() ? communeCode : null;
    }

    public CaseContext context() {
        return new CaseContext(provinceCode, districtCode, receivedAt, receivedDate, contactType);
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

    // --- accessors -------------------------------------------------------------------------------------------

    public String caseId() { return caseId; }
    public String reportId() { return reportId; }
    public Instant receivedAt() { return receivedAt; }
    public LocalDate receivedDate() { return receivedDate; }
    public Channel channel() { return channel; }
    public ContactType contactType() { return contactType; }
    public List<Concern> concerns() { return concerns; }
    public Severity severity() { return severity; }
    public String provinceCode() { return provinceCode; }
    public String districtCode() { return districtCode; }
    public String communeCode() { return communeCode; }
    public CaseArea area() { return area; }
    public Sex childSex() { return childSex; }
    public Integer childAgeYears() { return childAgeYears; }
    public String childKey() { return childKey; }
    public boolean informantExpectsFeedback() { return informantExpectsFeedback; }
    public CaseStatus status() { return status; }
    public EventVersion statusVersion() { return statusVersion; }
    public int referralCount() { return referralCount; }
    public Instant openedAt() { return openedAt; }
    public Instant completedAt() { return completedAt; }
    public Instant closedAt() { return closedAt; }
    public Instant escalatedAt() { return escalatedAt; }
    public Set<ReferralOutcome> outcomes() { return outcomes; }
    public Map<DeadlineKind, Instant> deadlines() { return deadlines; }
    public Set<String> appliedEventIds() { return appliedEventIds; }
    public EventVersion lastEvent() { return lastEvent; }

    // --- state, set by the rules and by the store when it reads a fact back -------------------------------------

    public CaseFact describe(String reportId, Instant receivedAt, Channel channel, ContactType contactType,
                             List<Concern> concerns, Severity severity, String provinceCode, String districtCode,
                             String communeCode, Sex childSex, Integer childAgeYears, String childKey,
                             boolean informantExpectsFeedback, int referralCount, Instant openedAt) {
        this.reportId = reportId;
        this.receivedAt = receivedAt;
        this.receivedDate = receivedAt == null ? null : ReportingCalendar.dateOf(receivedAt);
        this.channel = channel;
        this.contactType = contactType;
        this.concerns = concerns == null ? List.of() : List.copyOf(new ArrayList<>(concerns).stream()
                .filter(Objects::nonNull).toList());
        this.severity = severity;
        this.provinceCode = provinceCode;
        this.districtCode = districtCode;
        this.communeCode = communeCode;
        this.area = null; // placed again from the new codes (place)
        this.childSex = childSex;
        this.childAgeYears = childAgeYears;
        this.childKey = childKey;
        this.informantExpectsFeedback = informantExpectsFeedback;
        this.referralCount = referralCount;
        this.openedAt = openedAt;
        return this;
    }

    public CaseFact status(CaseStatus status, EventVersion version) {
        this.status = status;
        this.statusVersion = version;
        return this;
    }

    public CaseFact milestones(Instant completedAt, Instant closedAt, Instant escalatedAt) {
        this.completedAt = completedAt;
        this.closedAt = closedAt;
        this.escalatedAt = escalatedAt;
        return this;
    }

    public CaseFact lastEvent(EventVersion version) {
        this.lastEvent = version;
        return this;
    }
}
