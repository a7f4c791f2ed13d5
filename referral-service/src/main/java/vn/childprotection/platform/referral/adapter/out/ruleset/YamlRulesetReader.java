package vn.childprotection.platform.referral.adapter.out.ruleset;

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

    /** The file's shape. */
    record RulesetFile(String version, String effectiveFrom, String jurisdiction, StandingFile standingAgency,
                       List<RuleFile> rules) {

        RulesetDefinition toDefinition() {
            return new RulesetDefinition(version, effectiveFrom, jurisdiction,
                    standingAgency == null ? null : new RulesetDefinition.StandingAgencyDefinition(
                            standingAgency.agency(), standingAgency.ruleId(), standingAgency.legalBasis()),
                    rules == null ? List.of() : rules.stream().map(r -> r == null ? null : r.toDefinition()).toList());
        }
    }

    record StandingFile(String agency, String ruleId, String legalBasis) {
    }

    record RuleFile(String id, List<String> concerns, List<AgencyFile> agencies, String legalBasis,
                    Boolean policyDefault, String note) {

        RulesetDefinition.RuleDefinition toDefinition() {
            return new RulesetDefinition.RuleDefinition(id, concerns,
                    agencies == null ? null : agencies.stream()
                            .map(a -> a == null ? null : new RulesetDefinition.AgencyDefinition(a.agency(), a.role()))
                            .toList(),
                    legalBasis, policyDefault, note);
        }
    }

    record AgencyFile(String agency, String role) {
    }
}
