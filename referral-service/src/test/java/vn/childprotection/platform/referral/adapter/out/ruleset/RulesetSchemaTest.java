package vn.childprotection.platform.referral.adapter.out.ruleset;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import vn.childprotection.platform.referral.fixtures.RoutingFixtures;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The published JSON Schema (rulesets/ruleset.schema.json) and the loader agree on the shipped and broken files. */
class RulesetSchemaTest {

    static final List<String> SHIPPED = RoutingFixtures.SHIPPED_RULESETS;
    static final List<String> BROKEN = List.of("rulesets/bad-agency-code.yaml", "rulesets/unknown-concern.yaml",
            "rulesets/no-legal-basis.yaml", "rulesets/misspelt-property.yaml");

    private static Schema schema() throws IOException {
        try (InputStream in = RoutingFixtures.open("rulesets/ruleset.schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
        }
    }

    private static String asJson(String resource) throws IOException {
        try (InputStream in = RoutingFixtures.open(resource)) {
            return JsonMapper.builder().build().writeValueAsString(new YAMLMapper().readTree(in));
        }
    }

    @ParameterizedTest
    @FieldSource("SHIPPED")
    void everyShippedRulesetIsValidAgainstThePublishedSchema(String file) throws IOException {
        assertThat(schema().validate(asJson(file), InputFormat.JSON)).as(file).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("BROKEN")
    void aRulesetTheLoaderRejectsIsRejectedByTheSchemaToo(String file) throws IOException {
        assertThat(schema().validate(asJson(file), InputFormat.JSON)).as(file).isNotEmpty();
    }
}
