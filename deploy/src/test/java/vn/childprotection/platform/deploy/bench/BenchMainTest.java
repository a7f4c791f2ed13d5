package vn.childprotection.platform.deploy.bench;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchMainTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void optionsHaveDefaultsFlagsAndRatesAndABadRateIsNamed() {
        BenchMain.Config defaults = BenchMain.parse(new String[0]);
        assertThat(defaults.rates()).containsExactly(50, 200, 500);
        assertThat(defaults.max()).isFalse();
        assertThat(defaults.rebuild()).isTrue();
        assertThat(defaults.out().toString()).isEqualTo("var/bench/latest.json");

        BenchMain.Config custom = BenchMain.parse(new String[]{"--duration", "7", "--rates=100,2000", "--max",
                "--no-rebuild", "--max-in-flight", "16"});
        assertThat(custom.durationSeconds()).isEqualTo(7);
        assertThat(custom.rates()).containsExactly(100, 2000);
        assertThat(custom.max()).isTrue();
        assertThat(custom.rebuild()).isFalse();
        assertThat(custom.maxInFlight()).isEqualTo(16);
        assertThat(BenchMain.parse(new String[]{"--rates", "none", "--max"}).rates()).isEmpty();

        assertThatThrownBy(() -> BenchMain.parse(new String[]{"--rates", "50,fast"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fast");
        assertThatThrownBy(() -> BenchMain.parse(new String[]{"--duration", "0"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--duration");
    }

    @Test
    void generatedReportsAreVietnameseJsonOfAboutOneKilobyteWithTheDomainsCodesAndAMixOfContactTypes() {
        Set<String> concerns = new HashSet<>();
        Set<String> provinces = new HashSet<>();
        int interventions = 0;
        int emergencies = 0;
        long bytes = 0;
        for (int i = 0; i < 2_000; i++) {
            ReportMix.Report report = ReportMix.next();
            JsonNode body = JSON.readTree(report.body());
            bytes += report.body().getBytes(StandardCharsets.UTF_8).length;
            assertThat(body.path("reportId").asString()).isEqualTo(report.reportId().toString());
            assertThat(body.path("contactType").asString()).isEqualTo(report.intervention() ? "INTERVENTION" : "COUNSELLING");
            body.path("concerns").forEach(c -> concerns.add(c.asString()));
            provinces.add(body.path("location").path("provinceCode").asString());
            assertThat(body.path("location").has("districtCode")).as("no district on today's map").isFalse();
            assertThat(body.path("location").path("communeCode").asString()).matches("\\d{5}");
            assertThat(body.path("narrative").asString()).isNotBlank();
            interventions += report.intervention() ? 1 : 0;
            assertThat(report.emergency()).isEqualTo("EMERGENCY".equals(body.path("severity").asString()));
            emergencies += report.emergency() ? 1 : 0;
        }
        assertThat(concerns).contains("VIOLENCE", "SEXUAL_ABUSE", "NEGLECT", "TRAFFICKING").hasSizeGreaterThan(15);
        assertThat(provinces).containsExactlyInAnyOrder("01", "19", "11", "91");
        assertThat(interventions).isBetween(1_300, 1_700);
        assertThat(emergencies).as("one in ten").isBetween(120, 280);
        assertThat(bytes / 2_000).isBetween(700L, 1_600L);
    }

    @Test
    void numbersAreReadFromJsonAndWrittenWithoutNaN() {
        assertThat(BenchMain.number("{\"state\":\"COMPLETED\",\"eventsPerSecond\": 21345.5}", "eventsPerSecond"))
                .isEqualTo(21345.5);
        assertThat(BenchMain.number("{}", "eventsPerSecond")).isNull();
        assertThat(BenchMain.num(Double.NaN)).isEqualTo("null");
        assertThat(BenchMain.num(1.23456)).isEqualTo("1.235");
        assertThat(List.of(BenchMain.num(0))).containsExactly("0.000");
    }

    @Test
    void aStepsJsonHoldsEachComponentsCpuPerReport() {
        BenchMain.Step step = new BenchMain.Step("100/s", 100, false);
        step.accepted.add(10);
        step.cpuMsPerReport.put("intake", 3.25);
        step.cpuMsPerReport.put("mongo", 14.5);

        var json = JsonMapper.builder().build().readTree(step.json());

        assertThat(json.get("cpuMsPerReport").get("intake").asDouble()).isEqualTo(3.25);
        assertThat(json.get("cpuMsPerReport").get("mongo").asDouble()).isEqualTo(14.5);
        assertThat(json.get("accepted").asInt()).isEqualTo(10);
    }

    @Test
    void theServicesStoreCommandsAreSummedOverEveryLabelSetOfTheDriversCounter() {
        String exposition = """
                # HELP mongodb_driver_commands_seconds Timer of mongodb commands
                # TYPE mongodb_driver_commands_seconds summary
                mongodb_driver_commands_seconds_count{collection="cases",command="insert",status="SUCCESS"} 120
                mongodb_driver_commands_seconds_sum{collection="cases",command="insert",status="SUCCESS"} 0.5
                mongodb_driver_commands_seconds_count{collection="odd}name",command="find",status="SUCCESS"} 30.0
                mongodb_driver_commands_seconds_countless 999
                mongodb_driver_commands_seconds_max{collection="cases",command="insert",status="SUCCESS"} 0.01
                """;

        assertThat(BenchMain.sumOf(exposition, BenchMain.STORE_COMMANDS_METRIC)).isEqualTo(150.0);
        assertThat(BenchMain.sumOf("", BenchMain.STORE_COMMANDS_METRIC)).isZero();
    }

    @Test
    void aStepsJsonHoldsEachServicesStoreCommandsPerReportAndTheirTotal() {
        BenchMain.Step step = new BenchMain.Step("50/s", 50, false);
        step.accepted.add(100);
        step.storeCommandsPerReport.put("referral", 12.5);
        step.storeCommandsPerReport.put("reporting", 8.25);

        var json = JsonMapper.builder().build().readTree(step.json());

        assertThat(json.get("storeCommandsPerReport").get("referral").asDouble()).isEqualTo(12.5);
        assertThat(json.get("storeCommandsPerReport").get("reporting").asDouble()).isEqualTo(8.25);
        assertThat(step.storeCommandsTotal()).isEqualTo(20.75);
    }
}
