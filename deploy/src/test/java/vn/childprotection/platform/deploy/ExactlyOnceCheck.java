package vn.childprotection.platform.deploy;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.childprotection.platform.contracts.AgencyReferral;
import vn.childprotection.platform.contracts.AgencyReferralEvent;
import vn.childprotection.platform.contracts.EventJson;
import vn.childprotection.platform.contracts.Topics;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What must hold for every report intake accepted, whatever broke meanwhile: one case with exactly the referrals the
 * routing table gives, each referral exactly once on its agency's topic, the figures grown by exactly these reports
 * and referrals, one notification per referral and recipient (its focal point's among them), and every notification
 * delivered and received by its recipient, who gets nothing the platform has not recorded (counted at the recipients
 * by the notification id they get as idempotency key: a call repeated after a crash between sending and recording
 * carries the same key, so the recipient takes it once). The figures are cumulative, so one check serves a sequence
 * of scenarios on one platform.
 */
final class ExactlyOnceCheck {

    /** A value on a topic that a test put there on purpose to be unreadable: skipped, and only these. */
    static final String POISON_MARKER = "poison-";
    private static final Pattern REFERRAL_TOPIC = Pattern.compile("referrals\\.[a-z0-9-]+\\.[0-9]{2}\\.v1");
    private static final JsonMapper JSON = EventJson.mapper();

    private final LocalPlatform platform;
    private long reportsCountedBefore;
    private long referralsCountedBefore;
    /** Every notification of every report checked so far. */
    private final Set<String> knownNotifications = new HashSet<>();

    ExactlyOnceCheck(LocalPlatform platform) {
        this.platform = platform;
    }

    /** Checks these accepted reports (report id → case id) and adds them to the figures expected from now on. */
    void verify(Map<UUID, String> reports) {
        Map<String, Set<String>> referralsByCase = new ConcurrentHashMap<>();
        // 1. one case per report, with exactly the referrals of the routing table (referral-service)
        platform.onFailurePrintLogs(() -> await("a case with its referrals for each of the " + reports.size()
                + " accepted reports").atMost(LocalPlatform.FLOW).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (String caseId : reports.values()) {
                if (referralsByCase.containsKey(caseId)) {
                    continue;
                }
                HttpResponse<String> response = platform.get("referral-service", "/api/v1/cases/" + caseId);
                assertThat(response.statusCode()).as("case %s: %s", caseId, response.body()).isEqualTo(200);
                JsonNode body = JSON.readTree(response.body());
                assertThat(body.path("caseId").asString("")).isEqualTo(caseId);
                Set<String> ids = new HashSet<>();
                List<String> agencies = new java.util.ArrayList<>();
                for (JsonNode referral : body.path("referrals")) {
                    ids.add(referral.path("referralId").asString(""));
                    agencies.add(referral.path("agency").asString(""));
                }
                assertThat(agencies).as("the agencies of case %s", caseId)
                        .containsExactlyInAnyOrderElementsOf(LocalPlatform.EXPECTED_AGENCIES);
                assertThat(ids).as("referral ids of case %s", caseId).hasSize(agencies.size()).doesNotContain("");
                referralsByCase.put(caseId, ids);
            }
        }));
        Set<String> expectedReferrals = new HashSet<>();
        referralsByCase.values().forEach(expectedReferrals::addAll);

        // 2. each referral exactly once on its agency topic
        Map<String, Integer> copies = new HashMap<>();
        platform.onFailurePrintLogs(() -> await("each of the " + expectedReferrals.size() + " referrals on its agency topic")
                .atMost(LocalPlatform.FLOW).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    copies.clear();
                    for (Map.Entry<String, List<byte[]>> topic
                            : platform.readAll(t -> REFERRAL_TOPIC.matcher(t).matches()).entrySet()) {
                        for (byte[] value : topic.getValue()) {
                            AgencyReferral referral = (AgencyReferral) EventJson.read(value, AgencyReferralEvent.class);
                            if (expectedReferrals.contains(referral.referralId())) {
                                copies.merge(referral.referralId(), 1, Integer::sum);
                            }
                        }
                    }
                    assertThat(copies.keySet()).containsExactlyInAnyOrderElementsOf(expectedReferrals);
                }));
        assertThat(copies.entrySet()).as("referrals on their agency topic more than once")
                .filteredOn(e -> e.getValue() > 1).isEmpty();

        // 3. counted once by the projection (reporting-service): the totals grow by exactly these figures
        long reportsExpected = reportsCountedBefore + reports.size();
        long referralsExpected = referralsCountedBefore + expectedReferrals.size();
        platform.onFailurePrintLogs(() -> await("the projection counts " + reportsExpected + " reports and "
                + referralsExpected + " referrals").atMost(LocalPlatform.FLOW).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    HttpResponse<String> response = platform.get("reporting-service", "/api/v1/stats/overview");
                    assertThat(response.statusCode()).isEqualTo(200);
                    JsonNode overview = JSON.readTree(response.body());
                    assertThat(count(overview.path("reports"))).as("reports in %s", response.body())
                            .isEqualTo(reportsExpected);
                    assertThat(count(overview.path("referrals"))).as("referrals in %s", response.body())
                            .isEqualTo(referralsExpected);
                }));
        reportsCountedBefore = reportsExpected;
        referralsCountedBefore = referralsExpected;

        // 4. notifications: one per (kind, referral), every one delivered, each received exactly once
        Set<String> notificationIds = new HashSet<>();
        platform.onFailurePrintLogs(() -> await("every notification of these cases delivered").atMost(LocalPlatform.FLOW)
                .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    notificationIds.clear();
                    for (String caseId : reports.values()) {
                        HttpResponse<String> response = platform.get("notification-service",
                                "/api/v1/notifications?caseId=" + caseId + "&size=100");
                        assertThat(response.statusCode()).isEqualTo(200);
                        Set<String> perRecipient = new HashSet<>();
                        Set<String> notifiedReferrals = new HashSet<>();
                        for (JsonNode n : JSON.readTree(response.body()).path("items")) {
                            String id = n.path("notificationId").asString();
                            assertThat(notificationIds.add(id)).as("notification %s listed once", id).isTrue();
                            assertThat(n.path("status").asString()).as("notification %s of case %s", id, caseId)
                                    .isEqualTo("DELIVERED");
                            String referralId = n.path("referralId").asString("");
                            if (!referralId.isEmpty()) {
                                String key = n.path("kind").asString() + "/" + referralId + "/"
                                        + n.path("recipientRole").asString() + "/" + n.path("recipient").asString("");
                                assertThat(perRecipient.add(key)).as("one notification %s", key).isTrue();
                                if ("FOCAL_POINT".equals(n.path("recipientRole").asString())) {
                                    notifiedReferrals.add(referralId);
                                }
                            }
                        }
                        assertThat(notifiedReferrals).as("referrals of case %s whose focal point was notified", caseId)
                                .containsExactlyInAnyOrderElementsOf(referralsByCase.get(caseId));
                    }
                    Map<String, Integer> received = platform.sinks.received();
                    assertThat(notificationIds).as("notifications their recipients received")
                            .allMatch(received::containsKey);
                }));
        // what the recipients got: only notifications the platform recorded, one each (a recipient recognises a call
        // repeated after a crash between sending and recording by its idempotency key, the notification id: the
        // same notification, not a second one)
        knownNotifications.addAll(notificationIds);
        Map<String, Integer> received = platform.sinks.received();
        assertThat(received.keySet()).as("notifications the recipients received that the platform has not recorded")
                .isSubsetOf(knownNotifications);
        long repeated = notificationIds.stream().filter(id -> received.get(id) > 1).count();

        // a notification's delivery is announced as one event (one event id), however often the announcement is sent
        Map<String, Set<String>> deliveredEventIds = new HashMap<>();
        for (byte[] value : platform.readAll(Topics.NOTIFICATIONS_DELIVERED::equals)
                .getOrDefault(Topics.NOTIFICATIONS_DELIVERED, List.of())) {
            if (new String(value, StandardCharsets.UTF_8).contains(POISON_MARKER)) {
                continue; // the unreadable record a scenario put there on purpose
            }
            JsonNode event = JSON.readTree(value);
            deliveredEventIds.computeIfAbsent(event.path("notificationId").asString(""), n -> new HashSet<>())
                    .add(event.path("eventId").asString(""));
        }
        assertThat(deliveredEventIds.entrySet()).as("a notification's delivery is one event (one event id)")
                .allMatch(e -> e.getValue().size() == 1);
        System.out.printf("PLATFORM check: %d reports, %d referrals, %d notifications: one case each with the routed "
                        + "referrals, each referral once on its topic, counted once, each notification received "
                        + "(%d of them repeated under their idempotency key)%n",
                reports.size(), expectedReferrals.size(), notificationIds.size(), repeated);
    }

    private static long count(JsonNode node) {
        if (node.isNumber()) {
            return node.asLong();
        }
        for (String field : List.of("count", "total")) {
            if (node.path(field).isNumber()) {
                return node.path(field).asLong();
            }
        }
        return -1;
    }
}
