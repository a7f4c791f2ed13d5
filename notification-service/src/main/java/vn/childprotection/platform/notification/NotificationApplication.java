package vn.childprotection.platform.notification;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * notification-service: tells each agency's focal point of the referrals issued to it (S0 Art 7.2, 8.4) by consuming
 * {@code case.events.v1} and recording one notification per referral.
 */
@SpringBootApplication
@ConfigurationPropertiesScan("vn.childprotection.platform.notification.config")
public class NotificationApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotificationApplication.class, args);
    }
}
