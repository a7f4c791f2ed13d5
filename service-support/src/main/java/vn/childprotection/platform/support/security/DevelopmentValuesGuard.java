package vn.childprotection.platform.support.security;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A service refuses to start outside the local stack while a secret still has its development value, or while the
 * local notification sinks are on. Development values are spelled {@code dev-only-…} (the convention every default
 * secret of the platform follows); the local stack is {@code platform.local-stack=true}, which {@code ./platform}
 * sets only when it runs the embedded broker and store itself. The refusal names the properties, never their values.
 */
public final class DevelopmentValuesGuard {

    /** The prefix of every development value. */
    public static final String DEVELOPMENT_VALUE = "dev-only-";
    /** The profile that points notification channels at the sinks inside notification-service. */
    public static final String LOCAL_SINKS_PROFILE = "local-sinks";
    /** True only on the local stack (./platform with its embedded infrastructure). */
    public static final String LOCAL_STACK = "platform.local-stack";

    private DevelopmentValuesGuard() {
    }

    /** The reasons this environment may not run (empty when it may). */
    public static List<String> problems(ConfigurableEnvironment environment) {
        if (environment.getProperty(LOCAL_STACK, Boolean.class, false)) {
            return List.of();
        }
        Set<String> development = new TreeSet<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                    Object raw = enumerable.getProperty(name);
                    if (raw != null && raw.toString().contains(DEVELOPMENT_VALUE)) {
                        String value = resolved(environment, name);
                        if (value != null && value.startsWith(DEVELOPMENT_VALUE)) {
                            development.add(name);
                        }
                    }
                }
            }
        }
        List<String> problems = new ArrayList<>();
        if (!development.isEmpty()) {
            problems.add("development values outside the local stack: " + String.join(", ", development)
                    + " (give each an installation's own secret)");
        }
        if (Arrays.asList(environment.getActiveProfiles()).contains(LOCAL_SINKS_PROFILE)) {
            problems.add("the '" + LOCAL_SINKS_PROFILE + "' profile points notifications at sinks inside this "
                    + "service; it is for the local stack only");
        }
        return problems;
    }

    /** The guard, once it has found nothing; throws, naming every problem, otherwise. */
    public static DevelopmentValuesGuard checked(ConfigurableEnvironment environment) {
        List<String> problems = problems(environment);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("refusing to start: " + String.join("; ", problems) + ". On the local "
                    + "stack ./platform sets " + LOCAL_STACK + "=true.");
        }
        return new DevelopmentValuesGuard();
    }

    private static String resolved(ConfigurableEnvironment environment, String name) {
        try {
            return environment.getProperty(name);
        } catch (IllegalArgumentException unresolvable) {
            return null;
        }
    }
}
