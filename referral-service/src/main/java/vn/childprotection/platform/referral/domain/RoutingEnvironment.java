package vn.childprotection.platform.referral.domain;

import vn.childprotection.platform.contracts.AreaPlacement;
import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.ContactType;
import vn.childprotection.platform.contracts.EscalationRaised.Deadline;
import vn.childprotection.platform.contracts.EscalationRaised.DeadlineKind;
import vn.childprotection.platform.contracts.EscalationRaised;
import vn.childprotection.platform.contracts.Ids;
import vn.childprotection.platform.contracts.Location;
import vn.childprotection.platform.contracts.Severity;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The data routing runs on (rulesets, area lists, agency units, deadline policy) and the pure function that plans a
 * report's routing with it: no I/O, no framework types.
 */
public record RoutingEnvironment(RulesetCatalog rulesets, AreaDirectory areas, AgencyDirectory agencies,
                                 DeadlinePolicy deadlines) {

    /** One national ruleset, no directories, default deadlines (tests and the single-file set-up). */
    public static RoutingEnvironment of(Ruleset ruleset) {
        return new RoutingEnvironment(RulesetCatalog.single(ruleset), AreaDirectory.NONE, AgencyDirectory.NONE,
                DeadlinePolicy.DEFAULT);
    }

    /**
     * What a report says that routing needs; no personal data.
     *
     * @param placement what intake did to the area codes ({@code null}: reports of earlier versions, previews)
     */
    public record Request(String caseId, OffsetDateTime receivedAt, ContactType contactType,
                          Collection<Concern> concerns, Severity severity, Location location, Integer ageYears,
                          AreaPlacement placement) {

        public Request(String caseId, OffsetDateTime receivedAt, ContactType contactType,
                       Collection<Concern> concerns, Severity severity, Location location, Integer ageYears) {
            this(caseId, receivedAt, contactType, concerns, severity, location, ageYears, null);
        }
    }

    public LocalDate dayOf(OffsetDateTime receivedAt) {
        return receivedAt.atZoneSameInstant(deadlines.zone()).toLocalDate();
    }

    /**
     * The ruleset in force on the day the report was received for the province, or for the former province whose
     * territory the place was in (a case keeps it).
     */
    public Ruleset rulesetFor(Location location, OffsetDateTime receivedAt) {
        LocalDate day = dayOf(receivedAt);
        return rulesets.inForce(areas.resolve(location, day).territories(), day);
    }

    /**
     * The ruleset in force on a day for a province code (of the map of that day, or of an earlier map, whose
     * territory then decides; a province merged from several keeps only the new province's own ruleset).
     */
    public Ruleset rulesetOn(String provinceCode, LocalDate day) {
        if (provinceCode == null || RulesetCatalog.NATIONAL.equals(provinceCode)) {
            return rulesets.inForce(provinceCode, day);
        }
        return rulesets.inForce(areas.resolve(new Location(provinceCode, null, null), day).territories(), day);
    }

    /** Where a case lies on the map of its day (and on the earlier maps it can be traced to). */
    public AreaDirectory.Resolved area(Location location, OffsetDateTime receivedAt) {
        return areas.resolve(location, dayOf(receivedAt));
    }

    public RoutingPlan plan(Request request) {
        LocalDate day = dayOf(request.receivedAt());
        AreaDirectory.Resolved area = areas.resolve(request.location(), request.placement(), day);
        Ruleset ruleset = rulesets.inForce(area.territories(), day);
        RoutingDecision decision = Router.route(new RoutingFacts(request.contactType(),
                request.concerns() == null ? Set.of() : Set.copyOf(request.concerns().stream()
                        .filter(c -> c != null).toList()),
                request.severity(), request.ageYears(), area.chain(), area.chains()), ruleset);
        List<String> triage = new ArrayList<>(area.triage());
        if (decision.routed() && (request.concerns() == null || request.concerns().isEmpty()
                || request.concerns().contains(Concern.OTHER))) {
            triage.add("concern OTHER: triage at the standing agency (S0 Art 8.4)");
        }
        List<PlannedReferral> referrals = new ArrayList<>();
        for (RoutedAgency routed : decision.agencies()) {
            String unitId = null;
            String areaCode = area.mostLocal();
            List<String> notes = new ArrayList<>(area.triage());
            if (agencies.configured()) {
                Optional<AgencyUnit> unit = agencies.unitFor(routed.agency(), area.chain(), day);
                if (unit.isPresent()) {
                    unitId = unit.get().id();
                    areaCode = unit.get().areaCode();
                    if (!areaCode.equals(area.mostLocal())) {
                        notes.add("no " + routed.agency() + " unit serves area " + area.mostLocal()
                                + ": sent to the unit of parent area " + areaCode);
                    }
                } else {
                    String reason = "no " + routed.agency() + " unit serves area " + area.mostLocal()
                            + " or its parents: referral has no unit";
                    triage.add(reason);
                    notes.add(reason);
                }
            }
            referrals.add(new PlannedReferral(routed.agency(), routed.role(), routed.ruleId(), routed.legalBasis(),
                    routed.policyDefault(), unitId, areaCode,
                    deadlines.acknowledgementDue(request.receivedAt(), request.severity()),
                    notes.isEmpty() ? null : String.join("; ", notes)));
        }
        return new RoutingPlan(decision.rulesetVersion(), area.listVersion(), referrals,
                escalation(request, decision.routed()), Triage.of(triage.stream().distinct().toList()),
                area.location(), area.notes());
    }

    /** HIGH and EMERGENCY interventions go to the coordinator at once (S0 Art 5.4). */
    private Optional<Escalation> escalation(Request request, boolean routed) {
        if (!routed || (request.severity() != Severity.HIGH && request.severity() != Severity.EMERGENCY)) {
            return Optional.empty();
        }
        List<Deadline> due = new ArrayList<>();
        OffsetDateTime received = request.receivedAt();
        if (request.severity() == Severity.EMERGENCY) {
            due.add(new Deadline(DeadlineKind.EMERGENCY_MEASURES, deadlines.emergencyMeasuresDue(received),
                    DeadlinePolicy.EMERGENCY_MEASURES_BASIS, false));
        }
        due.add(new Deadline(DeadlineKind.SUPPORT_PLAN, deadlines.supportPlanDue(received),
                DeadlinePolicy.SUPPORT_PLAN_BASIS, false));
        due.add(new Deadline(DeadlineKind.ACKNOWLEDGEMENT, deadlines.acknowledgementDue(received,
                request.severity()), null, true));
        String caseId = request.caseId() == null ? "preview" : request.caseId();
        return Optional.of(new Escalation(Ids.nameBased("escalation", caseId), request.severity(),
                "severity " + request.severity() + ": escalated at once to the coordinator (S0 Art 5.4)",
                EscalationRaised.COORDINATOR, due));
    }
}
