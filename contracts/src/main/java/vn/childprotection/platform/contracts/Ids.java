package vn.childprotection.platform.contracts;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Deterministic identifiers: the same input always yields the same id, so that a replayed or redelivered message
 * produces exactly the ids it produced the first time, and consumers can de-duplicate by them.
 */
public final class Ids {

    private Ids() {
    }

    /** The case opened from a report. Intake answers it at once; referral-service derives the same one. */
    public static String caseIdFor(UUID reportId) {
        return nameBased("case", reportId.toString());
    }

    /** A stable id from its parts, e.g. {@code eventId("CaseOpened.v1", caseId)}. */
    public static String nameBased(String... parts) {
        String name = Arrays.stream(parts).collect(Collectors.joining("\u001f"));
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
