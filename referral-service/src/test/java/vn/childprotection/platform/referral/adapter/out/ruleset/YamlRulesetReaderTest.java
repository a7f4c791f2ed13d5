package vn.childprotection.platform.referral.adapter.out.ruleset;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.referral.domain.Rule;
import vn.childprotection.platform.referral.domain.Ruleset;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.childprotection.platform.referral.fixtures.ReportFixtures.ruleset;

/** Start-up fails on a bad ruleset, with a message naming the file, the rule and the problem. */
class YamlRulesetReaderTest {

    @Test
    void theNationalRulesetLoadsWithOneRulePerRowOfTheRoutingTable() {
        Ruleset national = ruleset("rulesets/national-default.yaml");

        assertThat(national.version()).isEqualTo("VN-national-2025.1");
        assertThat(national.effectiveFrom()).isEqualTo(LocalDate.parse("2025-07-01"));
        assertThat(national.standingAgency().agency()).isEqualTo("SOCIAL_AFFAIRS");
        assertThat(national.rules()).hasSize(Concern.values().length);
        for (Concern concern : Concern.values()) {
            assertThat(national.rulesFor(concern)).extracting(Rule::id).containsExactly("VN." + concern.name());
        }
        assertThat(national.rules()).filteredOn(Rule::policyDefault).extracting(Rule::id)
                .containsExactlyInAnyOrder("VN.ONLINE_ABUSE", "VN.DRUG_USE", "VN.MIGRANT_UNACCOMPANIED");
    }

    @Test
    void anAgencyCodeThatIsNoCodeFailsNamingFileRuleAndProblem() {
        assertThatThrownBy(() -> ruleset("rulesets/bad-agency-code.yaml"))
                .isInstanceOf(InvalidRulesetException.class)
                .hasMessageContaining("rulesets/bad-agency-code.yaml")
                .hasMessageContaining("rule VN.SEXUAL_ABUSE")
                .hasMessageContaining("agency 'police-dept' is not an agency code");
    }

    @Test
    void anUnknownConcernFailsNamingFileRuleAndConcern() {
        assertThatThrownBy(() -> ruleset("rulesets/unknown-concern.yaml"))
                .isInstanceOf(InvalidRulesetException.class)
                .hasMessageContaining("rulesets/unknown-concern.yaml")
                .hasMessageContaining("rule VN.HIV_AIDS: unknown concern 'BULLYING'");
    }

    @Test
    void aConcernNoRuleCoversFailsNamingTheConcern() {
        assertThatThrownBy(() -> ruleset("rulesets/uncovered-concern.yaml"))
                .isInstanceOf(InvalidRulesetException.class)
                .hasMessageContaining("rulesets/uncovered-concern.yaml")
                .hasMessageContaining("no rule covers concern HIV_AIDS");
    }

    @Test
    void aRuleWithoutLegalBasisThatIsNotAPolicyDefaultFails() {
        assertThatThrownBy(() -> ruleset("rulesets/no-legal-basis.yaml"))
                .isInstanceOf(InvalidRulesetException.class)
                .hasMessageContaining("rule VN.HIV_AIDS: has no legalBasis and is not marked policyDefault: true");
    }

    @Test
    void aMisspeltPropertyFailsRatherThanSilentlyDroppingAPolicyDefaultMark() {
        assertThatThrownBy(() -> ruleset("rulesets/misspelt-property.yaml"))
                .isInstanceOf(InvalidRulesetException.class)
                .hasMessageContaining("rulesets/misspelt-property.yaml")
                .hasMessageContaining("polcyDefault");
    }

    @Test
    void everyProblemOfAFileIsReportedAtOnce() {
        String yaml = """
                version: ""
                effectiveFrom: yesterday
                standingAgency: { agency: social affairs, ruleId: X.STANDING, legalBasis: "S0 8.4" }
                rules:
                  - id: X.ONE
                    concerns: [VIOLENCE, VIOLENCE]
                    agencies: [{ agency: POLICE, role: LEAD }, { agency: POLICE, role: PRIMARY }]
                    legalBasis: "S0 9.5b"
                  - id: X.ONE
                    concerns: []
                    agencies: []
                    policyDefault: true
                """;

        assertThatThrownBy(() -> YamlRulesetReader.read("inline.yaml",
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(InvalidRulesetException.class, e -> {
                    assertThat(e.source()).isEqualTo("inline.yaml");
                    assertThat(e.problems()).extracting(Object::toString).contains(
                            "ruleset: version is missing",
                            "ruleset: effectiveFrom 'yesterday' is not a date (yyyy-MM-dd)",
                            "rule X.STANDING: standing agency 'social affairs' is not an agency code "
                                    + "([A-Z][A-Z0-9_]{1,39})",
                            "rule X.ONE: names concern VIOLENCE twice",
                            "rule X.ONE: agency POLICE has unknown role 'LEAD' (PRIMARY, SUPPORTING or INFORMED)",
                            "rule X.ONE: names agency POLICE twice",
                            "rule X.ONE: id is used by more than one rule",
                            "rule X.ONE: covers no concern",
                            "rule X.ONE: names no agency",
                            "ruleset: no rule covers concern SEXUAL_ABUSE");
                });
    }

    @Test
    void aFileThatIsNotYamlFailsNamingTheFile() {
        assertThatThrownBy(() -> YamlRulesetReader.read("broken.yaml",
                new ByteArrayInputStream("rules: [ { id: ".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(InvalidRulesetException.class)
                .hasMessageStartingWith("ruleset broken.yaml is invalid: ruleset: not a readable ruleset");
    }
}
