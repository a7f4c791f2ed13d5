package vn.childprotection.platform.referral;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * referral-service: makes each intake report a case, routes interventions to the responsible agencies (S0 Art 9.5)
 * with the standing agency always informed (S0 Art 8.4), and publishes the referrals to each agency's topic and
 * every state change to {@code case.events.v1} through a single-document outbox.
 */
@SpringBootApplication
@ConfigurationPropertiesScan("vn.childprotection.platform.referral.config")
public class ReferralApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReferralApplication.class, args);
    }
}
