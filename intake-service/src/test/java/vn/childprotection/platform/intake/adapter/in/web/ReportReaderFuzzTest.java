package vn.childprotection.platform.intake.adapter.in.web;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import vn.childprotection.platform.intake.domain.ReportPolicy;
import vn.childprotection.platform.intake.domain.Violation;
import vn.childprotection.platform.intake.fixtures.ReportJson;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input at the core of intake: any JSON value in any field of a report — wrong types, unknown codes,
 * huge or control-laden strings, nesting, dates far out of range — is read and judged without an exception, and a
 * report that is not valid comes back with named violations that never quote the rejected value.
 */
class ReportReaderFuzzTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> FIELDS = List.of("reportId", "receivedAt", "channel", "contactType", "concerns",
            "severity", "location", "location.provinceCode", "location.districtCode", "location.communeCode", "child",
            "child.fullName", "child.sex", "child.ageYears", "reporter", "reporter.fullName", "reporter.phone",
            "reporter.relationship", "reporter.anonymous", "reporter.wantsFeedback", "narrative", "unknownField");
    private static final String SECRET = "Bí mật riêng tư 0987654321";

    private final ReportPolicy policy = new ReportPolicy(Clock.systemUTC(), Duration.ofDays(365), Duration.ofMinutes(5));

    @Property(tries = 600)
    void any_value_in_any_field_is_judged_without_an_exception_and_violations_never_echo_it(
            @ForAll("fields") String field, @ForAll("hostileValues") JsonNode value) {
        ReportJson report = ReportJson.valid().with(root -> put(root, field, value));

        ReportReader.Read read = ReportReader.read(report.tree());

        if (read.draft() == null) {
            assertThat(read.violations()).isNotEmpty();
            return;
        }
        ReportPolicy.Verdict verdict = policy.evaluate(read.draft(), read.violations(), read.rejectedFields());
        if (verdict instanceof ReportPolicy.Invalid invalid) {
            assertThat(invalid.violations()).isNotEmpty().allSatisfy(v -> {
                assertThat(v.field()).isNotBlank();
                assertThat(v.message()).doesNotContain(SECRET).hasSizeLessThan(1_000);
            });
        } else {
            assertThat(read.violations()).extracting(Violation::field).isEmpty();
        }
    }

    @Property(tries = 200)
    void any_json_value_as_the_whole_body_is_judged_without_an_exception(@ForAll("hostileValues") JsonNode body) {
        ReportReader.Read read = ReportReader.read(body);
        if (read.draft() != null) {
            policy.evaluate(read.draft(), read.violations(), read.rejectedFields());
        } else {
            assertThat(read.violations()).isNotEmpty();
        }
    }

    @Provide
    Arbitrary<String> fields() {
        return Arbitraries.of(FIELDS);
    }

    @Provide
    Arbitrary<JsonNode> hostileValues() {
        Arbitrary<JsonNode> strings = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(50),
                Arbitraries.strings().all().ofMaxLength(30), // any code point, control characters and surrogates
                Arbitraries.of(SECRET, "", " ", "FAX", "VIOLENCE", "SEXUAL_ABUSE", "11", "094", "999", "0912345678",
                        "0001-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "9999-12-31T23:59:59+07:00",
                        "2026-02-31T10:00:00+07:00", "2026-11-20T10:00:00", "3f0e9a4c-2b1d-4c8e-9f6a-7d5b1e2c3a40",
                        "\u0000", "\ud800", "\u202e", "ư".repeat(20_000)),
                Arbitraries.integers().between(1, 300_000).map(n -> SECRET.repeat(Math.max(1, n / 1_000))))
                .map(NODES::textNode);
        Arbitrary<JsonNode> numbers = Arbitraries.oneOf(
                Arbitraries.integers().map(NODES::numberNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.bigIntegers().between(java.math.BigInteger.TEN.pow(30).negate(), java.math.BigInteger.TEN.pow(30))
                        .map(NODES::numberNode));
        Arbitrary<JsonNode> scalars = Arbitraries.oneOf(strings, numbers,
                Arbitraries.of(NODES.nullNode(), NODES.booleanNode(true), NODES.booleanNode(false), NODES.missingNode()));
        Arbitrary<JsonNode> arrays = Arbitraries.oneOf(
                scalars.list().ofMaxSize(8).map(list -> {
                    var array = NODES.arrayNode();
                    list.forEach(array::add);
                    return array;
                }),
                Arbitraries.integers().between(1, 5_000).map(n -> {
                    var array = NODES.arrayNode();
                    for (int i = 0; i < n; i++) {
                        array.add("VIOLENCE");
                    }
                    return array;
                }));
        Arbitrary<JsonNode> objects = Combinators.combine(Arbitraries.of(FIELDS), scalars).as((k, v) -> {
            ObjectNode object = NODES.objectNode();
            object.set(k.contains(".") ? k.substring(k.indexOf('.') + 1) : k, v);
            return object;
        });
        Arbitrary<JsonNode> deep = Arbitraries.integers().between(1, 200).map(depth -> {
            ObjectNode root = NODES.objectNode();
            ObjectNode node = root;
            for (int i = 0; i < depth; i++) {
                node = node.putObject("d");
            }
            return root;
        });
        return Arbitraries.oneOf(scalars, arrays, objects, deep);
    }

    private static void put(ObjectNode root, String field, JsonNode value) {
        int dot = field.indexOf('.');
        if (dot < 0) {
            root.set(field, value);
            return;
        }
        JsonNode parent = root.get(field.substring(0, dot));
        ObjectNode object = parent instanceof ObjectNode o ? o : root.putObject(field.substring(0, dot));
        object.set(field.substring(dot + 1), value);
    }
}
