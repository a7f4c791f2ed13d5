package vn.childprotection.platform.referral.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.DefaultResourceLoader;
import vn.childprotection.platform.contracts.Severity;
import vn.childprotection.platform.referral.application.port.out.RulesetSource;
import vn.childprotection.platform.referral.domain.Ruleset;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The routing data as application.yml configures it loads and validates (what start-up does). */
class ShippedRoutingDataTest {

    private static ReferralProperties applicationYml() throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))
                .forEach(source -> environment.getPropertySources().addLast(source));
        return new Binder(ConfigurationPropertySources.get(environment))
                .bindOrCreate("referral", ReferralProperties.class);
    }

    @Test
    void theShippedRulesetsAreasAndDirectoryLoadWithEveryVersionOfEveryJurisdiction() throws Exception {
        ReferralProperties properties = applicationYml();

        RulesetSource source = new ReferralConfiguration().rulesetSource(properties, new DefaultResourceLoader());

        assertThat(source.routing().rulesets().versions()).containsOnlyKeys("VN", "VN-2024:01", "VN-2024:06",
                "VN-2024:11", "VN-2024:89");
        Ruleset bacKan = source.inForce("06", LocalDate.parse("2026-11-20"));
        assertThat(bacKan.versions()).containsExactly("VN-national-2025.1", "06-bac-kan-2025.1");
        assertThat(source.routing().agencies().codes()).contains("PROCURACY", "COURT", "COMMUNE_PC",
                "CULTURE_SPORTS_TOURISM", "INFORMATION_COMMUNICATIONS");
        assertThat(source.routing().areas().maps().maps()).extracting(map -> map.version())
                .containsExactly("VN-2024", "VN-2025", "VN-2026-04");
        assertThat(source.routing().deadlines().acknowledgement().get(Severity.HIGH).duration())
                .isEqualTo(Duration.ofHours(4));
        assertThat(source.routing().deadlines().acknowledgement().get(Severity.NORMAL).workingDays()).isEqualTo(2);
        assertThat(source.routing().deadlines().calendar().holidays()).contains(LocalDate.parse("2026-09-02"));
        assertThat(properties.ruleset().locations()).isEqualTo(List.of("classpath:rulesets/national-default.yaml",
                "classpath*:rulesets/provinces/*.yaml"));
    }
}
