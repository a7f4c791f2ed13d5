package vn.childprotection.platform.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.childprotection.platform.areas.AreaMapsLoader;
import vn.childprotection.platform.contracts.Topics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaProvisioningTest {

    private static final SortedSet<String> PAIRS = KafkaProvisioning.agencyProvincePairs(
            LocalPlatform.AGENCY_DIRECTORY, AreaMapsLoader.shipped());
    private static final Map<String, KafkaProvisioning.TopicSpec> TOPICS = KafkaProvisioning
            .topics(KafkaProvisioning.Settings.DEFAULT, PAIRS).stream()
            .collect(Collectors.toMap(KafkaProvisioning.TopicSpec::name, Function.identity()));

    @Test
    void everyAgencyWithAUnitAndEveryNationalAgencyInEveryProvinceOfEitherMapHasItsTopics() {
        // a commune's People's Committee of Điện Biên (a unit of the directory), and the police of a province of
        // the old map only (Hà Giang, merged on 1 July 2025: an old case keeps its old province code)
        assertThat(PAIRS).contains("COMMUNE_PC 11", "POLICE 02", "POLICE 11", "SOCIAL_AFFAIRS 91");
        assertThat(TOPICS).containsKeys(Topics.referralsFor("COMMUNE_PC", "11"),
                Topics.agencyResponsesFor("COMMUNE_PC", "11"), Topics.referralsFor("POLICE", "02"),
                Topics.AGENCY_RESPONSES_DEAD_LETTER, "intake.reports.v1.referral-service.dlt");
    }

    @Test
    void topicsWithPersonalDataKeepItOnlyForTheirPeriodAndTheEventLogIsKept() {
        assertThat(TOPICS.get(Topics.INTAKE_REPORTS).configs()).containsEntry("retention.ms", "604800000");
        assertThat(TOPICS.get("intake.reports.urgent.v1.notification-service.dlt").configs())
                .containsEntry("retention.ms", "604800000");
        assertThat(TOPICS.get(Topics.referralsFor("POLICE", "11")).configs())
                .containsEntry("retention.ms", "2592000000");
        assertThat(TOPICS.get(Topics.agencyResponsesFor("POLICE", "11")).configs())
                .containsEntry("retention.ms", "2592000000");
        assertThat(TOPICS.get(Topics.CASE_EVENTS).configs()).containsEntry("retention.ms", "-1");
        assertThat(TOPICS.get(Topics.referralsFor("POLICE", "11")).partitions()).isEqualTo(1);
        assertThat(TOPICS.get(Topics.CASE_EVENTS).partitions()).isEqualTo(3);
    }

    @Test
    void aPrincipalsFileWithANameThatIsNoServiceOrAgencySystemIsRefusedBeforeAnythingIsApplied(@TempDir Path dir)
            throws Exception {
        Path file = Files.writeString(dir.resolve("principals.properties"),
                "# comment\npolice-11-system=p1\nreferral-service=p2\npolice-national-system=p3\n");
        assertThat(KafkaProvisioning.readPrincipals(file)).containsOnlyKeys("police-11-system", "referral-service",
                "police-national-system");

        Files.writeString(file, "police-11-system=p1\nsomeone=p2\n");
        assertThatThrownBy(() -> KafkaProvisioning.readPrincipals(file))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("someone");
        Files.writeString(file, "police-11-system\n");
        assertThatThrownBy(() -> KafkaProvisioning.readPrincipals(file))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("police-11-system");
    }
}
