package vn.childprotection.platform.support.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DevelopmentValuesGuardTest {

    @Test
    void outsideTheLocalStackADevelopmentSecretStopsTheServiceNamingThePropertyNotItsValue() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("referral.child-key.secret", "${REFERRAL_CHILDKEY_SECRET:dev-only-child-key-secret}")
                .withProperty("spring.application.name", "referral-service");

        assertThatThrownBy(() -> DevelopmentValuesGuard.checked(environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("referral.child-key.secret")
                .hasMessageNotContaining("dev-only-child-key-secret");
    }

    @Test
    void anInstallationsOwnSecretOrTheLocalStackLetsTheServiceStart() {
        MockEnvironment own = new MockEnvironment()
                .withProperty("referral.child-key.secret", "${REFERRAL_CHILDKEY_SECRET:dev-only-child-key-secret}")
                .withProperty("REFERRAL_CHILDKEY_SECRET", "an-installation-secret");
        MockEnvironment local = new MockEnvironment()
                .withProperty("referral.child-key.secret", "dev-only-child-key-secret")
                .withProperty(DevelopmentValuesGuard.LOCAL_STACK, "true");

        assertThat(DevelopmentValuesGuard.problems(own)).isEmpty();
        assertThat(DevelopmentValuesGuard.problems(local)).isEmpty();
    }

    @Test
    void theLocalSinksAreNeverOnOutsideTheLocalStack() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(DevelopmentValuesGuard.LOCAL_SINKS_PROFILE);

        assertThat(DevelopmentValuesGuard.problems(environment)).singleElement().asString()
                .contains("local-sinks");
        environment.setProperty(DevelopmentValuesGuard.LOCAL_STACK, "true");
        assertThat(DevelopmentValuesGuard.problems(environment)).isEmpty();
    }
}
