package vn.childprotection.platform.referral.domain;

import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.ContactType;
import vn.childprotection.platform.contracts.ReferralRole;
import vn.childprotection.platform.contracts.ReportSubmitted;

import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Routes a report with a {@link Ruleset} (S0 Art 9.5; domain reference, "Default routing"). A pure function:
 * <ul>
 *   <li>COUNSELLING contacts are counted, never routed;</li>
 *   <li>several concerns: the union of their rules' agencies, each agency once with the strongest role
 *       (PRIMARY &gt; SUPPORTING &gt; INFORMED); on a tie the rule of the first concern in {@link Concern} order wins,
 *       so the decision does not depend on the order the concerns came in;</li>
 *   <li>the standing agency is always present, INFORMED when no rule gave it a role (S0 Art 8.4);</li>
 *   <li>OTHER (and, defensively, an intervention without concerns) goes to triage, which the ruleset's OTHER rule
 *       sends to the standing agency (S0 Art 8.4).</li>
 * </ul>
 */
public final class Router {

    private static final Comparator<RoutedAgency> ORDER = Comparator
            .comparing((RoutedAgency a) -> a.role().ordinal())
            .thenComparing(RoutedAgency::agency);

    private Router() {
    }

    public static RoutingDecision route(ReportSubmitted report, Ruleset ruleset) {
        return route(new RoutingFacts(report.contactType(), Set.copyOf(report.concerns()), report.severity(),
                report.child() == null ? null : report.child().ageYears(), areaChain(report)), ruleset);
    }

    public static RoutingDecision route(ContactType contactType, Collection<Concern> concerns, Ruleset ruleset) {
        return route(RoutingFacts.of(contactType, concerns), ruleset);
    }

    /**
     * Routes the facts of a case; a rule whose conditions (severity, age band, contact type, area) do not hold for
     * the case does not apply.
     */
    public static RoutingDecision route(RoutingFacts facts, Ruleset ruleset) {
        if (facts.contactType() != ContactType.INTERVENTION) {
            return RoutingDecision.none(ruleset.version());
        }
        Set<Concern> ordered = EnumSet.noneOf(Concern.class);
        ordered.addAll(facts.concerns());
        if (ordered.isEmpty()) {
            ordered.add(Concern.OTHER);
        }
        Map<String, RoutedAgency> byAgency = new HashMap<>();
        for (Concern concern : ordered) {
            for (Rule rule : ruleset.rulesFor(concern)) {
                if (!rule.appliesTo(facts)) {
                    continue;
                }
                for (AgencyAssignment assignment : rule.agencies()) {
                    RoutedAgency candidate = new RoutedAgency(assignment.agency(), assignment.role(), rule.id(),
                            rule.citation(ruleset.version()), rule.policyDefault());
                    byAgency.merge(assignment.agency(), candidate,
                            (current, next) -> next.role().strongerThan(current.role()) ? next : current);
                }
            }
        }
        StandingAgency standing = ruleset.standingAgency();
        byAgency.putIfAbsent(standing.agency(), new RoutedAgency(standing.agency(), ReferralRole.INFORMED,
                standing.ruleId(), standing.legalBasis(), false));
        List<RoutedAgency> agencies = byAgency.values().stream().sorted(ORDER).toList();
        return new RoutingDecision(ruleset.version(), agencies);
    }

    /** The report's own codes, most local first (no directory: taken as given). */
    private static List<String> areaChain(ReportSubmitted report) {
        if (report.location() == null) {
            return List.of();
        }
        return java.util.stream.Stream.of(report.location().communeCode(), report.location().districtCode(),
                report.location().provinceCode()).filter(c -> c != null && !c.isBlank()).toList();
    }
}
