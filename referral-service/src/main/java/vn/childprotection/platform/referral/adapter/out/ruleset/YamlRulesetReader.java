package vn.childprotection.platform.referral.adapter.out.ruleset;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;
import vn.childprotection.platform.referral.domain.Ruleset;
import vn.childprotection.platform.referral.domain.RulesetDefinition;
import vn.childprotection.platform.referral.domain.RulesetProblem;
import vn.childprotection.platform.referral.domain.RulesetValidation;
import vn.childprotection.platform.referral.domain.RulesetValidator;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Reads a ruleset YAML file ({@code rulesets/national-default.yaml}) and validates it with {@link RulesetValidator}.
 * Unknown properties are errors (a misspelt {@code policyDefault} must not silently present a default as law).
 */
public final class YamlRulesetReader {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private YamlRulesetReader() {
    }

    /**
     * @param source the file's name, for messages
     * @throws InvalidRulesetException naming the file, the rule and the problem
     */
    public static Ruleset read(String source, InputStream yaml) {
        RulesetFile file;
        try (yaml) {
            file = YAML.readValue(yaml, RulesetFile.class);
        } catch (JacksonException e) {
            throw new InvalidRulesetException(source, List.of(new RulesetProblem(null,
                    "not a readable ruleset: " + e.getOriginalMessage()
                            + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()))));
        } catch (IOException e) {
            throw new InvalidRulesetException(source, List.of(new RulesetProblem(null, "cannot be read: " + e)));
        }
        RulesetValidation validation = RulesetValidator.validate(file == null ? null : file.toDefinition());
        return switch (validation) {
            case RulesetValidation.Valid valid -> valid.ruleset();
            case RulesetValidation.Invalid invalid -> throw new InvalidRulesetException(source, invalid.problems());
        };
    }

    /** The file's shape (rulesets/ruleset.schema.json). */
    record RulesetFile(String version, String effectiveFrom, String effectiveTo, String jurisdiction,
                       @JsonProperty("extends") String extendsJurisdiction, StandingFile standingAgency,
                       List<DeclaredAgencyFile> agencies, List<RuleFile> rules, String note, String areaMap) {

        RulesetDefinition toDefinition() {
            return new RulesetDefinition(version, effectiveFrom, effectiveTo, jurisdiction, extendsJurisdiction,
                    standingAgency == null ? null : new RulesetDefinition.StandingAgencyDefinition(
                            standingAgency.agency(), standingAgency.ruleId(), standingAgency.legalBasis()),
                    agencies == null ? List.of() : agencies.stream().map(a -> a == null ? null
                            : new RulesetDefinition.DeclaredAgencyDefinition(a.code(), a.name())).toList(),
                    rules == null ? List.of() : rules.stream().map(r -> r == null ? null : r.toDefinition()).toList(),
                    areaMap);
        }
    }

    record StandingFile(String agency, String ruleId, String legalBasis) {
    }

    record DeclaredAgencyFile(String code, String name, String note) {
    }

    /** The clause a rule implements: {@code document}, {@code article}, {@code clause} (and a short quote). */
    record LegalBasisFile(String document, String article, String clause, String quote) {

        /** Also accepts the short form: one string. */
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static LegalBasisFile of(String text) {
            return new LegalBasisFile(text, null, null, null);
        }

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        static LegalBasisFile of(@JsonProperty("document") String document, @JsonProperty("article") String article,
                                 @JsonProperty("clause") String clause, @JsonProperty("quote") String quote) {
            return new LegalBasisFile(document, article, clause, quote);
        }

        String citation() {
            StringBuilder text = new StringBuilder(document == null ? "" : document.trim());
            if (article != null && !article.isBlank()) {
                text.append(", ").append(article.trim());
            }
            if (clause != null && !clause.isBlank()) {
                text.append(", ").append(clause.trim());
            }
            return text.toString();
        }
    }

    record ConditionsFile(List<String> severity, Integer ageMin, Integer ageMax, List<String> contactTypes,
                          List<String> areaCodes) {
    }

    record RuleFile(String id, List<String> concerns, ConditionsFile conditions, List<AgencyFile> agencies,
                    LegalBasisFile legalBasis, Boolean policyDefault, String note) {

        RulesetDefinition.RuleDefinition toDefinition() {
            return new RulesetDefinition.RuleDefinition(id, concerns,
                    agencies == null ? null : agencies.stream()
                            .map(a -> a == null ? null : new RulesetDefinition.AgencyDefinition(a.agency(), a.role()))
                            .toList(),
                    legalBasis == null ? null : legalBasis.citation(), policyDefault, note,
                    conditions == null ? null : new RulesetDefinition.ConditionsDefinition(conditions.severity(),
                            conditions.ageMin(), conditions.ageMax(), conditions.contactTypes(),
                            conditions.areaCodes()));
        }
    }

    record AgencyFile(String agency, String role) {
    }
}
