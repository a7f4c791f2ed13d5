package vn.childprotection.platform.intake;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Intake: takes hotline reports and makes them durable on {@code intake.reports.v1} (EMERGENCY: its urgent lane). */
@SpringBootApplication
@ConfigurationPropertiesScan("vn.childprotection.platform.intake.config")
public class IntakeApplication {

    public static void main(String[] args) {
        SpringApplication.run(IntakeApplication.class, args);
    }
}
