package vn.childprotection.platform.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.nio.file.attribute.PosixFilePermission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What {@code ./platform} starts a service and the console with: its {@code launch} function, run with a stand-in
 * for the JDK that writes down the environment it was given instead of starting anything.
 */
class PlatformLaunchTest {

    @TempDir
    Path dir;

    @Test
    void every_service_and_the_console_listen_on_the_loopback_only() throws Exception {
        for (String component : new String[]{"intake", "referral", "notification", "reporting", "audit", "console"}) {
            assertThat(environmentOf(component, Map.of())).as(component).containsEntry("SERVER_ADDRESS", "127.0.0.1");
        }
    }

    @Test
    void an_address_the_operator_names_is_kept() throws Exception {
        assertThat(environmentOf("referral", Map.of("SERVER_ADDRESS", "0.0.0.0")))
                .containsEntry("SERVER_ADDRESS", "0.0.0.0");
    }

    @Test
    void on_the_local_stack_a_service_gets_this_installations_secrets_and_the_notifications_the_local_sinks()
            throws Exception {
        Map<String, String> referral = environmentOf("referral", Map.of());
        Map<String, String> notification = environmentOf("notification", Map.of());

        assertThat(referral).containsEntry("PLATFORM_LOCAL_STACK", "true").containsKey("REFERRAL_CHILDKEY_SECRET");
        assertThat(referral.get("REFERRAL_CHILDKEY_SECRET")).hasSize(64).doesNotStartWith("dev-only-");
        assertThat(notification).containsEntry("SPRING_PROFILES_ACTIVE", "local-sinks");
        assertThat(Files.getPosixFilePermissions(dir.resolve("var/secrets.env")))
                .containsOnly(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        // generated once: the next start keeps them
        assertThat(environmentOf("referral", Map.of())).containsEntry("REFERRAL_CHILDKEY_SECRET",
                referral.get("REFERRAL_CHILDKEY_SECRET"));
    }

    @Test
    void pointed_at_real_infrastructure_no_service_runs_as_the_local_stack_and_the_sinks_stay_off() throws Exception {
        Map<String, String> real = Map.of("KAFKA_BOOTSTRAP_SERVERS", "broker.example:9093",
                "MONGODB_URI", "mongodb://db.example:27017/?replicaSet=rs0", "REFERRAL_CHILDKEY_SECRET", "operators-own");

        assertThat(environmentOf("referral", real)).doesNotContainKey("PLATFORM_LOCAL_STACK")
                .containsEntry("REFERRAL_CHILDKEY_SECRET", "operators-own")
                .doesNotContainKey("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG");
        assertThat(environmentOf("notification", real)).doesNotContainKey("SPRING_PROFILES_ACTIVE");
    }

    private Map<String, String> environmentOf(String component, Map<String, String> operator)
            throws IOException, InterruptedException {
        Path written = dir.resolve(component + ".env");
        Path java = dir.resolve("java");
        Files.writeString(java, "#!/bin/sh\nenv > \"" + written + ".tmp\" && mv \"" + written + ".tmp\" \"" + written
                + "\"\n");
        Files.setPosixFilePermissions(java, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE));
        // the script's functions without its last line (which runs a command)
        ProcessBuilder launch = new ProcessBuilder("bash", "-c",
                "source <(sed 's/^main \"\\$@\"$//' ../platform) && JAVA=\"$STAND_IN_JAVA\" && launch " + component
                        + " && wait")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(component + ".out").toFile());
        Map<String, String> environment = launch.environment();
        environment.keySet().removeIf(name -> name.startsWith("SERVER_") || name.startsWith("KAFKA_")
                || name.startsWith("MONGODB_") || name.startsWith("OIDC_") || name.endsWith("_URL")
                || name.startsWith("PLATFORM_") || name.startsWith("SPRING_") || name.startsWith("REFERRAL_"));
        environment.put("PLATFORM_VAR_DIR", dir.resolve("var").toString());
        environment.put("STAND_IN_JAVA", java.toString());
        environment.putAll(operator);
        Process process = launch.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(written));
        Map<String, String> given = new HashMap<>();
        for (String line : Files.readAllLines(written)) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                given.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return given;
    }
}
