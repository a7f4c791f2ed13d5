package vn.childprotection.platform.deploy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the recipients of notifications receive, outside the processes under test (a killed notification-service
 * must not take the evidence with it): agency systems' webhooks ({@code POST /webhook/<agency>}, counted by their
 * {@code Idempotency-Key}) and the SMS gateway ({@code POST /sms}, counted by {@code reference}) — both the
 * notification id, which the recipient uses to recognise a repeated call. Focal points, backup focal points and
 * coordinators are reached by SMS, the systems of social affairs and the police by webhook
 * ({@link #writeNotificationConfig}).
 */
final class RecipientSinks implements AutoCloseable {

    static final String SMS_API_KEY = "fault-sinks-sms-key";
    static final String WEBHOOK_SECRET = "fault-sinks-webhook-secret";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Every agency the platform may route to (national default and the seed provinces' rulesets). */
    private static final List<String> AGENCIES = List.of("SOCIAL_AFFAIRS", "POLICE", "HEALTH", "EDUCATION", "JUSTICE",
            "YOUTH_UNION", "WOMENS_UNION", "COMMUNE_PC", "PROCURACY", "COURT", "CULTURE_SPORTS_TOURISM",
            "INFORMATION_COMMUNICATIONS");

    /** Agencies whose system also gets each referral by webhook (as in the local-sinks profile). */
    private static final java.util.Set<String> WEBHOOK_AGENCIES = java.util.Set.of("SOCIAL_AFFAIRS", "POLICE");

    private final HttpServer server;
    /** notification id → how many times a recipient received it. */
    private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();

    RecipientSinks() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/webhook/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                receive(exchange, exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            }
        });
        server.createContext("/sms", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                if (!SMS_API_KEY.equals(exchange.getRequestHeaders().getFirst("X-Api-Key"))) {
                    answer(exchange, 401);
                    return;
                }
                receive(exchange, JSON.readTree(body).path("reference").asString(""));
            }
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    /** How many times each notification id reached its recipient. */
    Map<String, Integer> received() {
        Map<String, Integer> counts = new java.util.HashMap<>();
        received.forEach((id, count) -> counts.put(id, count.get()));
        return counts;
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * notification-service's directory and channels for these sinks, as a YAML file to add to its configuration
     * ({@code SPRING_CONFIG_ADDITIONAL_LOCATION}); other services ignore the {@code notification.*} keys.
     */
    Path writeNotificationConfig(Path file) {
        StringBuilder yaml = new StringBuilder("""
                fault-sinks:
                  webhook-secret: %s
                notification:
                  channels:
                    sms:
                      url: %s/sms
                      api-key: %s
                      # a real gateway's limit is the operator's (5/s by default); these sinks take any rate
                      rate-per-second: 1000
                  directory:
                    default-coordinator:
                      address: "+84000000100"
                      channel: SMS
                    coordinators:
                      - province: "11"
                        address: "+84000000111"
                        channel: SMS
                    agencies:
                """.formatted(WEBHOOK_SECRET, base(), SMS_API_KEY));
        for (int i = 0; i < AGENCIES.size(); i++) {
            String agency = AGENCIES.get(i);
            yaml.append("""
                          - agency: %s
                            focal-point: "+840000002%02d"
                            channel: SMS
                            backup-focal-point: "+840000003%02d"
                    """.formatted(agency, i, i));
            if (WEBHOOK_AGENCIES.contains(agency)) {
                yaml.append("""
                                recipients:
                                  - channel: WEBHOOK
                                    address: %s/webhook/%s
                                    secret-ref: fault-sinks.webhook-secret
                        """.formatted(base(), agency.toLowerCase(java.util.Locale.ROOT)));
            }
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Counts one reception of a notification (its body already read) and answers 200, or 400 without an id. */
    private void receive(HttpExchange exchange, String notificationId) throws IOException {
        if (notificationId == null || notificationId.isBlank()) {
            answer(exchange, 400);
            return;
        }
        received.computeIfAbsent(notificationId, id -> new AtomicInteger()).incrementAndGet();
        answer(exchange, 200);
    }

    private static void answer(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
