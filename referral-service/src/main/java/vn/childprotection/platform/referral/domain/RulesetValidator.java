package vn.childprotection.platform.referral.domain;

import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.ReferralRole;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a {@link RulesetDefinition} and reports every problem as a value (never an exception): missing version or
 * effective date, malformed or duplicate rule ids, agency codes that are no codes (they name Kafka topics:
 * {@code referrals.<agency>.v1}), unknown roles and concerns, a rule without agencies or without legal basis that is
 * not marked as a policy default, and any concern no rule covers (every report must route somewhere; OTHER goes to
 * triage, S0 Art 8.4).
 */
public final class RulesetValidator {

    /** Same shape as the contracts' agency codes ({@code Topics.referralsFor}). */
    public static final Pattern AGENCY_CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    public static final Pattern RULE_ID = Pattern.compile("[A-Z][A-Za-z0-9_.-]{0,79}");
    public static final Pattern JURISDICTION = Pattern.compile("VN|[0-9]{2}");
    public static final Pattern AREA_CODE = Pattern.compile("[0-9]{2,5}");

    private RulesetValidator() {
    }

    public static RulesetValidation validate(RulesetDefinition definition) {
        List<RulesetProblem> problems = new ArrayList<>();
        if (definition == null) {
            return new RulesetValidation.Invalid(List.of(new RulesetProblem(null, "the ruleset is empty")));
        }
        if (blank(definition.version())) {
            problems.add(new RulesetProblem(null, "version is missing"));
        }
        LocalDate effectiveFrom = null;
        if (blank(definition.effectiveFrom())) {
            problems.add(new RulesetProblem(null, "effectiveFrom is missing"));
        } else {
            try {
                effectiveFrom = LocalDate.parse(definition.effectiveFrom().trim());
            } catch (DateTimeParseException e) {
                problems.add(new RulesetProblem(null,
                        "effectiveFrom '" + definition.effectiveFrom() + "' is not a date (yyyy-MM-dd)"));
            }
        }
        LocalDate effectiveTo = null;
        if (!blank(definition.effectiveTo())) {
            try {
                effectiveTo = LocalDate.parse(definition.effectiveTo().trim());
                if (effectiveFrom != null && !effectiveTo.isAfter(effectiveFrom)) {
                    problems.add(new RulesetProblem(null, "effectiveTo must be after effectiveFrom"));
                }
            } catch (DateTimeParseException e) {
                problems.add(new RulesetProblem(null,
                        "effectiveTo '" + definition.effectiveTo() + "' is not a date (yyyy-MM-dd)"));
            }
        }
        if (blank(definition.jurisdiction())) {
            problems.add(new RulesetProblem(null, "jurisdiction is missing (VN, or a two-digit province code)"));
        } else if (!JURISDICTION.matcher(definition.jurisdiction().trim()).matches()) {
            problems.add(new RulesetProblem(null, "jurisdiction '" + definition.jurisdiction()
                    + "' is neither VN nor a two-digit province code"));
        }
        boolean extension = !blank(definition.extendsJurisdiction());
        StandingAgency standing = null;
        if (extension) {
            if (definition.standingAgency() != null) {
                problems.add(new RulesetProblem(null, "a province ruleset (extends) cannot change the standing "
                        + "agency (S0 Art 8.4)"));
            }
        } else {
            standing = standingAgency(definition.standingAgency(), problems);
        }
        java.util.Map<String, String> declared = new java.util.LinkedHashMap<>();
        for (RulesetDefinition.DeclaredAgencyDefinition agency : definition.agencies()) {
            if (agency == null || blank(agency.code()) || !AGENCY_CODE.matcher(agency.code()).matches()) {
                problems.add(new RulesetProblem(null, "declared agency '" + (agency == null ? null : agency.code())
                        + "' is not an agency code (" + AGENCY_CODE.pattern() + ")"));
            } else if (blank(agency.name())) {
                problems.add(new RulesetProblem(null, "declared agency " + agency.code() + " has no name"));
            } else if (declared.put(agency.code(), agency.name().trim()) != null) {
                problems.add(new RulesetProblem(null, "declared agency " + agency.code() + " twice"));
            }
        }

        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < definition.rules().size(); i++) {
            RulesetDefinition.RuleDefinition raw = definition.rules().get(i);
            String label = raw == null || blank(raw.id()) ? "#" + (i + 1) : raw.id();
            if (raw == null) {
                problems.add(new RulesetProblem(label, "is empty"));
                continue;
            }
            Rule rule = rule(raw, label, ids, problems);
            if (rule != null) {
                rules.add(rule);
            }
        }
        if (definition.rules().isEmpty() && !extension) {
            problems.add(new RulesetProblem(null, "has no rules"));
        }
        Map<Concern, List<String>> coverage = new EnumMap<>(Concern.class);
        rules.forEach(rule -> rule.concerns().forEach(c -> coverage.computeIfAbsent(c, k -> new ArrayList<>())
                .add(rule.id())));
        for (Concern concern : extension ? new Concern[0] : Concern.values()) {
            if (!coverage.containsKey(concern)) {
                problems.add(new RulesetProblem(null, "no rule covers concern " + concern));
            }
        }
        if (!problems.isEmpty()) {
            return new RulesetValidation.Invalid(problems);
        }
        String jurisdiction = definition.jurisdiction().trim();
        String version = definition.version().trim();
        String areaMap = blank(definition.areaMap()) ? null : definition.areaMap().trim();
        return new RulesetValidation.Valid(new Ruleset(version, effectiveFrom, effectiveTo, jurisdiction,
                extension ? definition.extendsJurisdiction().trim() : null, standing,
                rules.stream().map(rule -> rule.from(jurisdiction, areaMap)).toList(), declared, List.of(version),
                areaMap));
    }

    private static StandingAgency standingAgency(RulesetDefinition.StandingAgencyDefinition raw,
                                                 List<RulesetProblem> problems) {
        if (raw == null) {
            problems.add(new RulesetProblem(null, "standingAgency is missing (S0 Art 8.4: one agency learns of "
                    + "every routed case)"));
            return null;
        }
        boolean ok = true;
        if (blank(raw.agency()) || !AGENCY_CODE.matcher(raw.agency()).matches()) {
            problems.add(new RulesetProblem(raw.ruleId(), "standing agency '" + raw.agency()
                    + "' is not an agency code (" + AGENCY_CODE.pattern() + ")"));
            ok = false;
        }
        if (blank(raw.ruleId()) || !RULE_ID.matcher(raw.ruleId()).matches()) {
            problems.add(new RulesetProblem(null, "standingAgency.ruleId '" + raw.ruleId() + "' is not a rule id"));
            ok = false;
        }
        if (blank(raw.legalBasis())) {
            problems.add(new RulesetProblem(raw.ruleId(), "standing agency has no legalBasis"));
            ok = false;
        }
        return ok ? new StandingAgency(raw.agency(), raw.ruleId(), raw.legalBasis().trim()) : null;
    }

    private static Rule rule(RulesetDefinition.RuleDefinition raw, String label, Set<String> ids,
                             List<RulesetProblem> problems) {
        int before = problems.size();
        if (blank(raw.id())) {
            problems.add(new RulesetProblem(label, "has no id"));
        } else if (!RULE_ID.matcher(raw.id()).matches()) {
            problems.add(new RulesetProblem(label, "id is not a rule id (" + RULE_ID.pattern() + ")"));
        } else if (!ids.add(raw.id())) {
            problems.add(new RulesetProblem(label, "id is used by more than one rule"));
        }

        Set<Concern> concerns = new LinkedHashSet<>();
        if (raw.concerns().isEmpty()) {
            problems.add(new RulesetProblem(label, "covers no concern"));
        }
        for (String code : raw.concerns()) {
            Concern concern = concern(code);
            if (concern == null) {
                problems.add(new RulesetProblem(label, "unknown concern '" + code + "' (known: "
                        + Arrays.stream(Concern.values()).map(Enum::name).collect(Collectors.joining(", ")) + ")"));
            } else if (!concerns.add(concern)) {
                problems.add(new RulesetProblem(label, "names concern " + concern + " twice"));
            }
        }

        List<AgencyAssignment> agencies = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (raw.agencies().isEmpty()) {
            problems.add(new RulesetProblem(label, "names no agency"));
        }
        for (RulesetDefinition.AgencyDefinition agency : raw.agencies()) {
            String code = agency == null ? null : agency.agency();
            if (blank(code) || !AGENCY_CODE.matcher(code).matches()) {
                problems.add(new RulesetProblem(label, "agency '" + code + "' is not an agency code ("
                        + AGENCY_CODE.pattern() + ", e.g. POLICE)"));
                continue;
            }
            if (!seen.add(code)) {
                problems.add(new RulesetProblem(label, "names agency " + code + " twice"));
            }
            ReferralRole role = role(agency.role());
            if (role == null) {
                problems.add(new RulesetProblem(label, "agency " + code + " has unknown role '" + agency.role()
                        + "' (PRIMARY, SUPPORTING or INFORMED)"));
                continue;
            }
            agencies.add(new AgencyAssignment(code, role));
        }

        RuleConditions conditions = conditions(raw.conditions(), label, problems);
        boolean policyDefault = Boolean.TRUE.equals(raw.policyDefault());
        if (blank(raw.legalBasis()) && !policyDefault) {
            problems.add(new RulesetProblem(label, "has no legalBasis and is not marked policyDefault: true"));
        }
        if (problems.size() > before) {
            return null;
        }
        return new Rule(raw.id(), concerns, agencies, blank(raw.legalBasis()) ? null : raw.legalBasis().trim(),
                policyDefault, blank(raw.note()) ? null : raw.note().trim(), conditions, null);
    }

    private static RuleConditions conditions(RulesetDefinition.ConditionsDefinition raw, String label,
                                             List<RulesetProblem> problems) {
        if (raw == null) {
            return RuleConditions.ANY;
        }
        Set<vn.childprotection.platform.contracts.Severity> severities = new HashSet<>();
        for (String code : raw.severity() == null ? List.<String>of() : raw.severity()) {
            try {
                severities.add(vn.childprotection.platform.contracts.Severity.valueOf(String.valueOf(code).trim()));
            } catch (IllegalArgumentException e) {
                problems.add(new RulesetProblem(label, "unknown severity '" + code
                        + "' (EMERGENCY, HIGH or NORMAL)"));
            }
        }
        Set<vn.childprotection.platform.contracts.ContactType> contactTypes = new HashSet<>();
        for (String code : raw.contactTypes() == null ? List.<String>of() : raw.contactTypes()) {
            try {
                contactTypes.add(vn.childprotection.platform.contracts.ContactType.valueOf(
                        String.valueOf(code).trim()));
            } catch (IllegalArgumentException e) {
                problems.add(new RulesetProblem(label, "unknown contact type '" + code
                        + "' (INTERVENTION or COUNSELLING)"));
            }
        }
        for (Integer age : java.util.Arrays.asList(raw.ageMin(), raw.ageMax())) {
            if (age != null && (age < 0 || age > 17)) {
                problems.add(new RulesetProblem(label, "age bound " + age + " is outside 0–17"));
            }
        }
        if (raw.ageMin() != null && raw.ageMax() != null && raw.ageMin() > raw.ageMax()) {
            problems.add(new RulesetProblem(label, "ageMin is greater than ageMax"));
        }
        Set<String> areas = new HashSet<>();
        for (String code : raw.areaCodes() == null ? List.<String>of() : raw.areaCodes()) {
            if (code == null || !AREA_CODE.matcher(code.trim()).matches()) {
                problems.add(new RulesetProblem(label, "area code '" + code
                        + "' is not an administrative unit code (2 to 5 digits)"));
            } else {
                areas.add(code.trim());
            }
        }
        return new RuleConditions(severities, raw.ageMin(), raw.ageMax(), contactTypes, areas);
    }

    private static Concern concern(String code) {
        if (code == null) {
            return null;
        }
        try {
            return Concern.valueOf(code.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ReferralRole role(String code) {
        if (code == null) {
            return null;
        }
        try {
            return ReferralRole.valueOf(code.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
