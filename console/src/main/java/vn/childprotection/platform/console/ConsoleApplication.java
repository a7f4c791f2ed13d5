package vn.childprotection.platform.console;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The browsers' one entry point: OpenID Connect login, who the signed-in person is and what they may do, and the
 * reporting dashboard with its API relayed to reporting-service under the person's access token.
 */
@SpringBootApplication
public class ConsoleApplication {

    public static void main(String[] args) {
        SpringApplication.run(ConsoleApplication.class, args);
    }
}
