package vn.childprotection.platform.audit.domain;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.access.audit.AuditRecord;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.childprotection.platform.audit.fixtures.Chains.chain;
import static vn.childprotection.platform.audit.fixtures.Chains.rehashed;
import static vn.childprotection.platform.audit.fixtures.Chains.stored;
import static vn.childprotection.platform.audit.fixtures.Chains.withAction;

class StoredRecordTest {

    @Test
    void a_chained_record_has_no_problems() {
        AuditRecord record = chain("p", 1).getFirst();

        assertThat(StoredRecord.problems("e", record)).isEmpty();
    }

    @Test
    void a_record_without_what_every_chained_record_carries_names_each_lack() {
        AuditRecord bare = new AuditRecord(" ", 0, null, null, null, null, null, null, null, null, null, null, null,
                null, 0, null, null, "x", null);

        assertThat(StoredRecord.problems(null, bare)).containsExactly("eventId missing", "producer missing",
                "sequence below 1", "occurredAt missing", "action missing", "outcome missing",
                "previousHash not a SHA-256", "hash not a SHA-256");
    }

    @Test
    void a_conflicting_copy_is_kept_under_an_id_of_its_content() {
        AuditRecord original = chain("p", 1).getFirst();
        StoredRecord forged = stored(withAction(original, "REVEAL_INFORMANT"));
        StoredRecord rehashed = stored(rehashed(withAction(original, "REVEAL_INFORMANT")));

        StoredRecord copy = forged.asConflictingCopy();

        assertThat(copy.conflicting()).isTrue();
        assertThat(copy.eventId()).isEqualTo(forged.eventId());
        assertThat(copy.id()).startsWith(forged.eventId() + ":").isEqualTo(forged.asConflictingCopy().id());
        assertThat(rehashed.asConflictingCopy().id()).as("another content, another id").isNotEqualTo(copy.id());
        assertThat(stored(original).asConflictingCopy().id()).isNotEqualTo(copy.id());
    }
}
