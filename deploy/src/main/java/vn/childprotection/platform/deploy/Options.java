package vn.childprotection.platform.deploy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Command-line options of the mains: {@code --name=value} or {@code --name value}, falling back to an environment
 * variable, then to a default. Repeatable options ({@code --set k=v}) are collected in order.
 */
final class Options {

    private final Map<String, String> single = new HashMap<>();
    private final Map<String, java.util.ArrayList<String>> repeated = new HashMap<>();
    private final Function<String, String> environment;

    private Options(Function<String, String> environment) {
        this.environment = environment;
    }

    static Options parse(String[] args, Function<String, String> environment) {
        Options options = new Options(environment);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help")) {
                options.single.put("help", "true");
                continue;
            }
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + arg);
            }
            String name;
            String value;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(2, eq);
                value = arg.substring(eq + 1);
            } else {
                name = arg.substring(2);
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option --" + name + " needs a value");
                }
                value = args[++i];
            }
            options.single.put(name, value);
            options.repeated.computeIfAbsent(name, n -> new java.util.ArrayList<>()).add(value);
        }
        return options;
    }

    boolean help() {
        return single.containsKey("help");
    }

    /** A secret from the environment only (never an argument); missing or blank is an error naming it. */
    String secret(String environmentVariable) {
        String value = environment.apply(environmentVariable);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(environmentVariable + " must be set in the environment");
        }
        return value;
    }

    String get(String name, String environmentVariable, String defaultValue) {
        return Optional.ofNullable(single.get(name))
                .or(() -> Optional.ofNullable(environment.apply(environmentVariable)).filter(v -> !v.isBlank()))
                .orElse(defaultValue);
    }

    int getInt(String name, String environmentVariable, int defaultValue) {
        String value = get(name, environmentVariable, Integer.toString(defaultValue));
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " (or " + environmentVariable + ") is not a port: " + value);
        }
    }

    List<String> all(String name) {
        return List.copyOf(repeated.getOrDefault(name, new java.util.ArrayList<>()));
    }
}
