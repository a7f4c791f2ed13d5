package vn.childprotection.platform.audit;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * audit-service: stores every service's hash-chained audit records from {@code audit.events.v1} and serves them,
 * filtered, exported and verified, to auditors only.
 */
@SpringBootApplication
public class AuditApplication {

    public static void main(String[] args) {
        SpringApplication.run(AuditApplication.class, args);
    }
}
