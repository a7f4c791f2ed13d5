package vn.childprotection.platform.reporting.domain;

import vn.childprotection.platform.contracts.CaseStatus;
import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.ReferralOutcome;
import vn.childprotection.platform.contracts.ReferralRole;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The seeds' targets as indicators (domain reference, "Reporting calendar and indicators"): each indicator is a
 * formula over the facts and a target per province with its source clause. Definitions and targets are data
 * ({@code reporting/indicators.json}), validated when the service starts ({@link #validated}).
 */
public final class Indicators {

    private Indicators() {
    }

    /** How an indicator is computed from the facts; every formula is a share of intervention cases. */
    public enum Formula {
        /**
         * Cases about one of {@code concerns} whose support started: a referral was accepted (S2 A.II.2 "hỗ trợ,
         * quản lý, can thiệp trợ giúp").
         */
        SUPPORT_STARTED,
        /**
         * Cases about one of {@code concerns} helped in time (S4 I.2.a gạch 3, "kịp thời"): a referral was accepted
         * and no deadline of the case's PRIMARY referrals (the agencies that must act) was missed (acknowledgement;
         * Decree 56/2017 Art 26.3, 28.1).
         */
        HELPED_IN_TIME,
        /**
         * Cases about one of {@code concerns} with a referral completed with one of {@code outcomes} (S4 I.2.a
         * gạch 2, S2 A.II.4, S1 I.2 gạch 2: "được chăm sóc, trợ giúp").
         */
        ASSISTED,
        /**
         * Completed cases whose informant asked for feedback and was told the outcome (S0 Art 7.2): an
         * OUTCOME_TO_INFORMANT notification was delivered.
         */
        INFORMANT_TOLD_OUTCOME
    }

    /**
     * @param province GSO code the target applies to, or {@code *} for every province without its own
     * @param value    the target share (0–1)
     * @param comparator {@code >=}, {@code <=}, {@code <}, {@code >} or {@code =}
     * @param source   the clause, e.g. {@code S2 A.II.2}
     */
    public record Target(String province, double value, String comparator, String source, String document,
                         Integer targetYear, boolean policyDefault) {

        public boolean metBy(double share) {
            return switch (comparator) {
                case ">=" -> share >= value - 1e-9;
                case ">" -> share > value;
                case "<=" -> share <= value + 1e-9;
                case "<" -> share < value;
                case "=" -> Math.abs(share - value) < 1e-9;
                default -> throw new IllegalStateException("comparator " + comparator);
            };
        }
    }

    public record Definition(String id, Formula formula, Set<Concern> concerns, Set<ReferralOutcome> outcomes,
                             String unit, Map<String, String> label, List<Target> targets) {

        public Definition {
            concerns = concerns == null ? Set.of() : Set.copyOf(concerns);
            outcomes = outcomes == null ? Set.of() : Set.copyOf(outcomes);
            label = label == null ? Map.of() : Map.copyOf(label);
            targets = targets == null ? List.of() : List.copyOf(targets);
        }

        /** The province's own target, else the general one ({@code *}). */
        public Target targetFor(String province) {
            return targets.stream().filter(t -> Objects.equals(t.province(), province)).findFirst()
                    .or(() -> targets.stream().filter(t -> "*".equals(t.province())).findFirst())
                    .orElseThrow();
        }
    }

    public record Catalog(List<Definition> indicators) {
        public Catalog {
            indicators = List.copyOf(indicators);
        }
    }

    public record Value(String id, String source, String document, Map<String, String> label, double target,
                        String comparator, Double value, long numerator, long denominator, Boolean met,
                        String unit, String formula) {
    }

    /** The catalog if every definition can be computed and shown; else the list of problems. */
    public static List<String> problems(Catalog catalog) {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        if (catalog == null || catalog.indicators().isEmpty()) {
            return List.of("no indicators defined");
        }
        for (Definition d : catalog.indicators()) {
            String at = "indicator " + d.id();
            if (d.id() == null || !d.id().matches("[a-z0-9-]{3,60}")) problems.add(at + ": id must be kebab-case");
            if (!ids.add(String.valueOf(d.id()))) problems.add(at + ": duplicate id");
            if (d.formula() == null) problems.add(at + ": unknown formula");
            if (d.formula() != Formula.INFORMANT_TOLD_OUTCOME && d.concerns().isEmpty()) {
                problems.add(at + ": concerns missing");
            }
            if (d.formula() == Formula.ASSISTED && d.outcomes().isEmpty()) problems.add(at + ": outcomes missing");
            if (!d.label().containsKey("vi") || !d.label().containsKey("en")) problems.add(at + ": label vi/en");
            if (d.targets().stream().noneMatch(t -> "*".equals(t.province()))) {
                problems.add(at + ": a general target (province *) is required");
            }
            for (Target t : d.targets()) {
                if (t.value() < 0 || t.value() > 1) problems.add(at + ": target must be a share 0..1");
                if (t.source() == null || t.source().isBlank()) problems.add(at + ": every target cites its source");
                if (!Set.of(">=", ">", "<=", "<", "=").contains(String.valueOf(t.comparator()))) {
                    problems.add(at + ": comparator " + t.comparator());
                }
            }
        }
        return problems;
    }

    public static Catalog validated(Catalog catalog) {
        List<String> problems = problems(catalog);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("invalid indicator definitions: " + problems);
        }
        return catalog;
    }

    public static List<Value> compute(Catalog catalog, FactSet facts, String province, Instant now) {
        Map<String, List<ReferralFact>> referralsOfCase = new HashMap<>();
        facts.referrals().forEach(r -> referralsOfCase.computeIfAbsent(r.caseId(), k -> new ArrayList<>()).add(r));
        Set<String> told = new HashSet<>();
        facts.notifications().stream().filter(NotificationFact::toldInformantTheOutcome)
                .forEach(n -> told.add(n.caseId()));
        List<Value> values = new ArrayList<>();
        for (Definition d : catalog.indicators()) {
            long numerator = 0;
            long denominator = 0;
            for (CaseFact fact : facts.cases()) {
                if (!fact.isIntervention()) continue;
                List<ReferralFact> referrals = referralsOfCase.getOrDefault(fact.caseId(), List.of());
                Boolean counted = switch (d.formula()) {
                    case SUPPORT_STARTED -> about(fact, d)
                            ? referrals.stream().anyMatch(r -> r.acceptedAt() != null) : null;
                    case HELPED_IN_TIME -> about(fact, d)
                            ? referrals.stream().anyMatch(r -> r.acceptedAt() != null)
                            && referrals.stream().filter(r -> r.role() == ReferralRole.PRIMARY)
                            .flatMap(r -> ReferralDeadlines.of(r, fact).stream())
                            .noneMatch(deadline -> deadline.missed(now)) : null;
                    case ASSISTED -> about(fact, d)
                            ? referrals.stream().anyMatch(r -> r.completedAt() != null
                            && d.outcomes().contains(r.outcome())) : null;
                    case INFORMANT_TOLD_OUTCOME -> fact.informantExpectsFeedback()
                            && (fact.completedAt() != null || fact.status() == CaseStatus.COMPLETED)
                            ? told.contains(fact.caseId()) : null;
                };
                if (counted == null) continue;
                denominator++;
                if (counted) numerator++;
            }
            Target target = d.targetFor(province);
            Double value = denominator == 0 ? null : Math.round(numerator * 10000.0 / denominator) / 10000.0;
            values.add(new Value(d.id(), target.source(), target.document(), d.label(), target.value(),
                    target.comparator(), value, numerator, denominator,
                    value == null ? null : target.metBy(value), d.unit(), d.formula().name()));
        }
        return values;
    }

    private static boolean about(CaseFact fact, Definition d) {
        return fact.concerns().stream().anyMatch(d.concerns()::contains);
    }
}
