package vn.childprotection.platform.contracts;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Hostile bytes on every consumed topic: whatever arrives, {@link EventJson#decode} answers a known event,
 * an unknown (newer) type to skip, or a {@link EventJson.MalformedEventException} for the dead-letter topic — never
 * another exception that a consumer would retry or crash on — and the message never quotes the payload (it may hold
 * personal data and ends up in logs). Seeded, so a failure replays; every family of the catalog is fuzzed from its
 * valid events: truncated, bit-flipped, spliced, with wrong types, huge strings and arrays, deep nesting, invalid
 * UTF-8, control characters, unknown codes and dates far out of range.
 */
class EventJsonFuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20261123L);
    private static final int MUTANTS_PER_EVENT = Integer.getInteger("fuzz.mutants", 400);
    /** A secret-looking value put into every sample, which must never appear in an error message. */
    private static final String PERSONAL = "Nguyễn Thị Hoa";

    record Sample(Class<? extends Event> family, Event event) {
    }

    private static List<Sample> samples() {
        return List.of(
                new Sample(IntakeEvent.class, Fixtures.reportSubmitted()),
                new Sample(CaseEvent.class, Fixtures.caseOpened()),
                new Sample(CaseEvent.class, Fixtures.referralIssued()),
                new Sample(CaseEvent.class, Fixtures.escalationRaised()),
                new Sample(CaseEvent.class, Fixtures.referralStatusChanged()),
                new Sample(CaseEvent.class, Fixtures.referralOverdue()),
                new Sample(CaseEvent.class, Fixtures.caseStatusChanged()),
                new Sample(AgencyReferralEvent.class, Fixtures.agencyReferral()),
                new Sample(AgencyResponseEvent.class, Fixtures.agencyResponse(ResponseAction.values()[0])),
                new Sample(NotificationEvent.class, Fixtures.notificationDelivered()),
                new Sample(NotificationEvent.class, Fixtures.notificationFailed()),
                new Sample(AuditEvent.class, Fixtures.auditRecorded()));
    }

    @TestFactory
    Stream<DynamicTest> mutatedMessagesOfEveryFamilyAreKnownUnknownOrMalformedAndNeverQuoted() {
        return samples().stream().map(sample -> DynamicTest.dynamicTest(
                sample.event().getClass().getSimpleName() + " read as " + sample.family().getSimpleName(), () -> {
                    byte[] valid = EventJson.write(sample.event());
                    assertThat(EventJson.decode(valid, sample.family())).isInstanceOf(EventJson.Decoded.Known.class);
                    Random random = new Random(SEED ^ sample.event().getClass().getName().hashCode());
                    for (int i = 0; i < MUTANTS_PER_EVENT; i++) {
                        byte[] mutant = mutate(valid, random);
                        assertDecodesSafely(mutant, sample.family(), "mutant " + i + " (seed " + SEED + ")");
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> handWrittenHostileMessagesAreMalformedOrSkippedForEveryFamily() {
        List<String> hostile = hostileTexts();
        return Stream.of(IntakeEvent.class, CaseEvent.class, AgencyReferralEvent.class, AgencyResponseEvent.class,
                NotificationEvent.class).map(family -> DynamicTest.dynamicTest(family.getSimpleName(), () -> {
                    for (int i = 0; i < hostile.size(); i++) {
                        assertDecodesSafely(hostile.get(i).getBytes(StandardCharsets.UTF_8), family, "hostile text " + i);
                    }
                    assertDecodesSafely(new byte[]{(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE}, family,
                            "invalid UTF-8");
                    assertDecodesSafely(null, family, "null payload");
                    assertDecodesSafely(new byte[0], family, "empty payload");
                }));
    }

    private static List<String> hostileTexts() {
        String valid = EventJson.writeString(Fixtures.caseOpened());
        List<String> texts = new ArrayList<>(List.of(
                "", " ", "null", "true", "42", "\"text\"", "[]", "{}", "{", "}", "[", "{\"eventType\":null}",
                "{\"eventType\":42}", "{\"eventType\":[\"CaseOpened.v1\"]}", "{\"eventType\":{}}",
                "{\"eventType\":\"CaseOpened.v1\"}", "{\"eventType\":\"NotAType\"}", "{\"eventType\":\"Future.v9\"}",
                "{\"eventType\":\"" + "A".repeat(100_000) + ".v1\"}",
                "{\"eventType\":\"CaseOpened.v1\",\"caseId\":\"" + "x".repeat(1_000_000) + "\"}",
                "{\"eventType\":\"CaseOpened.v1\",\"concerns\":[" + "\"VIOLENCE\",".repeat(100_000) + "\"VIOLENCE\"]}",
                "{\"eventType\":\"CaseOpened.v1\",\"concerns\":[\"NOT_A_CONCERN\"]}",
                "{\"eventType\":\"CaseOpened.v1\",\"severity\":\"APOCALYPTIC\"}",
                "{\"eventType\":\"CaseOpened.v1\",\"occurredAt\":\"+999999999-12-31T23:59:59Z\"}",
                "{\"eventType\":\"CaseOpened.v1\",\"occurredAt\":\"-999999999-01-01T00:00:00Z\"}",
                "{\"eventType\":\"CaseOpened.v1\",\"occurredAt\":\"2026-13-45T99:99:99Z\"}",
                "{\"eventType\":\"CaseOpened.v1\",\"reportId\":\"not-a-uuid\"}",
                "{\"eventType\":\"CaseOpened.v1\",\"referralCount\":\"many\"}",
                "{\"eventType\":\"CaseOpened.v1\",\"referralCount\":1e400}",
                "{\"eventType\":\"CaseOpened.v1\",\"child\":\"\u0000\u0001\u0002\"}",
                "{\"eventType\":\"CaseOpened.v1\",\"caseId\":\"\u0000\u001b[31m\"}",
                "{\"eventType\":\"CaseOpened.v1\",\"eventType\":\"ReferralIssued.v1\"}",
                "{\"eventType\":\"ReportSubmitted.v1\"}", "{\"eventType\":\"AgencyReferral.v1\"}",
                "\uFEFF" + valid, valid + "garbage", valid + valid, valid.replace(":", "::")));
        texts.add("[".repeat(100_000) + "]".repeat(100_000));
        texts.add("{\"eventType\":\"CaseOpened.v1\",\"x\":" + "{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000) + "}");
        for (int cut = 1; cut < valid.length(); cut += 7) {
            texts.add(valid.substring(0, cut));
        }
        return texts;
    }

    private static void assertDecodesSafely(byte[] payload, Class<? extends Event> family, String what) {
        try {
            EventJson.Decoded<?> decoded = EventJson.decode(payload, family);
            assertThat(decoded).as(what).isNotNull();
            if (decoded instanceof EventJson.Decoded.Known<?> known) {
                assertThat(family.isInstance(known.event())).as("%s decoded into its family", what).isTrue();
            }
        } catch (EventJson.MalformedEventException expected) {
            String message = String.valueOf(expected.getMessage());
            assertThat(message).as("%s: the error does not quote the payload", what)
                    .doesNotContain(PERSONAL).doesNotContain("xxxxxxxxxx").hasSizeLessThan(2_000);
        } catch (Throwable other) {
            fail(what + " for " + family.getSimpleName() + " threw " + other.getClass().getName()
                    + " instead of a MalformedEventException", other);
        }
    }

    /** One of: truncate, flip bits, overwrite bytes, splice a hostile fragment, duplicate a slice, delete a slice. */
    private static byte[] mutate(byte[] valid, Random random) {
        byte[] b = valid.clone();
        int pos = random.nextInt(b.length);
        switch (random.nextInt(7)) {
            case 0 -> {
                return java.util.Arrays.copyOf(b, pos);
            }
            case 1 -> {
                for (int i = 0; i < 1 + random.nextInt(4); i++) {
                    int p = random.nextInt(b.length);
                    b[p] ^= (byte) (1 << random.nextInt(8));
                }
                return b;
            }
            case 2 -> {
                b[pos] = (byte) random.nextInt(256);
                return b;
            }
            case 3 -> {
                String[] fragments = {"null", "\"\"", "[]", "{}", "-1", "1e999", "\"\u0000\"", "\"NOT_A_CODE\"",
                        "\"9999-99-99\"", "[[[[[[[[", "\"\\ud800\"", "true", "{\"eventType\":\"CaseOpened.v1\"}"};
                return splice(b, pos, fragments[random.nextInt(fragments.length)].getBytes(StandardCharsets.UTF_8));
            }
            case 4 -> {
                int len = Math.min(b.length - pos, 1 + random.nextInt(40));
                return splice(b, pos, java.util.Arrays.copyOfRange(b, pos, pos + len));
            }
            case 5 -> {
                int len = Math.min(b.length - pos, 1 + random.nextInt(40));
                byte[] out = new byte[b.length - len];
                System.arraycopy(b, 0, out, 0, pos);
                System.arraycopy(b, pos + len, out, pos, b.length - pos - len);
                return out;
            }
            default -> {
                // replace a value after a colon with a value of another JSON type
                String text = new String(b, StandardCharsets.UTF_8);
                int colon = text.indexOf(':', pos);
                if (colon < 0) {
                    return b;
                }
                String[] values = {"0", "[1,2]", "{\"a\":1}", "false", "null", "\"x\"", "-9223372036854775809"};
                int end = colon + 1;
                while (end < text.length() && ",}]".indexOf(text.charAt(end)) < 0) {
                    end++;
                }
                return (text.substring(0, colon + 1) + values[random.nextInt(values.length)] + text.substring(end))
                        .getBytes(StandardCharsets.UTF_8);
            }
        }
    }

    private static byte[] splice(byte[] b, int pos, byte[] fragment) {
        byte[] out = new byte[b.length + fragment.length];
        System.arraycopy(b, 0, out, 0, pos);
        System.arraycopy(fragment, 0, out, pos, fragment.length);
        System.arraycopy(b, pos, out, pos + fragment.length, b.length - pos);
        return out;
    }
}
