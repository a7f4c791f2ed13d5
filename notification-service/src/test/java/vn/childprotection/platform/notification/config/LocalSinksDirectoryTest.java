package vn.childprotection.platform.notification.config;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local-sinks profile replaces the directory's agency list as a whole (Spring binds lists wholesale), so it must
 * name every agency the default directory names — or a province-added agency's referral finds no focal point on the
 * local stack (found running the agency loop through ./platform: COMMUNE_PC → NO_FOCAL_POINT).
 */
class LocalSinksDirectoryTest {

    @Test
    void the_local_sinks_directory_reaches_every_agency_of_the_default_directory() throws IOException {
        assertThat(agencies("application-local-sinks.yml")).containsAll(agencies("application.yml"));
    }

    @SuppressWarnings("unchecked")
    private static Set<String> agencies(String resource) throws IOException {
        try (InputStream in = LocalSinksDirectoryTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Map<String, Object> root = new Yaml().load(in);
            Map<String, Object> notification = (Map<String, Object>) root.get("notification");
            Map<String, Object> directory = (Map<String, Object>) notification.get("directory");
            List<Map<String, Object>> agencies = (List<Map<String, Object>>) directory.get("agencies");
            return agencies.stream().map(a -> (String) a.get("agency")).collect(Collectors.toSet());
        }
    }
}
