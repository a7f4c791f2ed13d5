package vn.childprotection.platform.referral.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import vn.childprotection.platform.contracts.EscalationRaised.DeadlineKind;
import vn.childprotection.platform.contracts.ReferralRole;
import vn.childprotection.platform.contracts.Severity;
import vn.childprotection.platform.referral.domain.DeadlinePolicy;
import vn.childprotection.platform.referral.domain.ReferralDeadline;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The environment variables the README gives for a short-deadline demonstration override application.yml through
 * Spring's relaxed binding, and the deadlines follow.
 */
class ShortDeadlinesConfigurationTest {

    private static final Instant NOW = Instant.parse("2026-11-20T02:15:00Z");

    @Test
    void theDocumentedEnvironmentVariablesShortenEveryDeadlineAndTheWatchdog() throws IOException {
        ReferralProperties properties = bind(Map.of(
                "REFERRAL_DEADLINES_ACKNOWLEDGEMENT_EMERGENCY_DURATION", "PT20S",
                "REFERRAL_DEADLINES_ACKNOWLEDGEMENT_HIGH_DURATION", "PT20S",
                "REFERRAL_DEADLINES_ACKNOWLEDGEMENT_NORMAL_DURATION", "PT20S",
                "REFERRAL_DEADLINES_EMERGENCYMEASURES", "PT40S",
                "REFERRAL_DEADLINES_SUPPORTPLAN_DURATION", "PT60S",
                "REFERRAL_DEADLINES_ESCALATIONGRACE", "PT20S",
                "REFERRAL_DEADLINES_EMERGENCYMEASURESGRACE", "PT20S",
                "REFERRAL_WATCHDOG_INTERVAL", "PT5S",
                "REFERRAL_CHILDKEY_SECRET", "s3cret"));

        DeadlinePolicy policy = ReferralConfiguration.deadlinePolicy(properties.deadlines());
        for (Severity severity : Severity.values()) {
            assertThat(policy.deadlinesFor(NOW, severity, ReferralRole.PRIMARY).getFirst().dueAt())
                    .as(severity.name()).isEqualTo(NOW.plusSeconds(20));
        }
        List<ReferralDeadline> emergency = policy.deadlinesFor(NOW, Severity.EMERGENCY, ReferralRole.PRIMARY);
        assertThat(emergency).extracting(ReferralDeadline::kind).containsExactly(DeadlineKind.ACKNOWLEDGEMENT,
                DeadlineKind.EMERGENCY_MEASURES, DeadlineKind.SUPPORT_PLAN);
        assertThat(emergency).extracting(ReferralDeadline::dueAt).containsExactly(NOW.plusSeconds(20),
                NOW.plusSeconds(40), NOW.plusSeconds(60));
        assertThat(emergency).extracting(ReferralDeadline::escalateAt).containsExactly(NOW.plusSeconds(40),
                NOW.plusSeconds(60), NOW.plusSeconds(80));
        assertThat(properties.watchdog().interval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.childKey().secret()).isEqualTo("s3cret");
    }

    @Test
    void withoutOverridesTheLegalSpansAndPolicyDefaultsApply() throws IOException {
        ReferralProperties properties = bind(Map.of());
        DeadlinePolicy policy = ReferralConfiguration.deadlinePolicy(properties.deadlines());

        List<ReferralDeadline> emergency = policy.deadlinesFor(NOW, Severity.EMERGENCY, ReferralRole.PRIMARY);
        assertThat(emergency.get(0).dueAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(emergency.get(1).dueAt()).isEqualTo(NOW.plus(Duration.ofHours(12)));
        assertThat(emergency.get(1).escalateAt()).isEqualTo(NOW.plus(Duration.ofHours(13)));
        assertThat(emergency.get(2).dueAt()).isEqualTo(Instant.parse("2026-11-27T02:15:00Z"));
        assertThat(properties.watchdog().interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.childKey().secret()).isEqualTo(ReferralProperties.ChildKey.DEV_SECRET);
    }

    private static ReferralProperties bind(Map<String, Object> environment) throws IOException {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        env.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .forEach(source -> env.getPropertySources().addLast(source));
        env.getPropertySources().addLast(new MapPropertySource("none", Map.of()));
        return new Binder(ConfigurationPropertySources.get(env), new org.springframework.boot.context.properties
                .bind.PropertySourcesPlaceholdersResolver(env))
                .bindOrCreate("referral", ReferralProperties.class);
    }
}
