package vn.childprotection.platform.reporting;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * reporting-service: projects {@code case.events.v1} into replay-safe fact documents and computes the figures the
 * sectors report to the standing agency (S0 Art 4.7, 9.4; S2 VIII.1).
 */
@SpringBootApplication
public class ReportingApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReportingApplication.class, args);
    }
}
