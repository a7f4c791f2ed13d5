package vn.childprotection.platform.audit.application;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.access.audit.AuditRecord;
import vn.childprotection.platform.audit.domain.AuditFilter;
import vn.childprotection.platform.audit.domain.AuditPage;
import vn.childprotection.platform.audit.domain.StoredRecord;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.childprotection.platform.audit.fixtures.Chains.T0;
import static vn.childprotection.platform.audit.fixtures.Chains.chain;
import static vn.childprotection.platform.audit.fixtures.Chains.stored;

class AuditQueriesTest {

    private final InMemoryAuditStore store = new InMemoryAuditStore();

    AuditQueriesTest() {
        store.insertNew(stored(chain("p", 12)));
    }

    @Test
    void a_page_is_newest_first_with_the_total_of_the_selection() {
        AuditPage page = new AuditQueries(store, 100).page(new AuditFilter(null, "p", null, null,
                AuditRecord.Outcome.ALLOWED, T0, null), 1, 3);

        assertThat(page.total()).isEqualTo(10); // records 5 and 10 are refusals
        assertThat(page.items()).extracting(s -> s.record().sequence()).containsExactly(8L, 7L, 6L);
    }

    @Test
    void a_page_beyond_the_selection_is_empty() {
        assertThat(new AuditQueries(store, 100).page(AuditFilter.everything(), 5, 10).items()).isEmpty();
    }

    @Test
    void an_export_hands_over_every_selected_record_and_refuses_a_selection_over_its_limit() {
        List<StoredRecord> rows = new ArrayList<>();

        long written = new AuditQueries(store, 12).export(AuditFilter.everything()).writeTo(rows::add);

        assertThat(written).isEqualTo(12);
        assertThat(rows.getFirst().record().sequence()).isEqualTo(12);
        assertThatThrownBy(() -> new AuditQueries(store, 11).export(AuditFilter.everything()))
                .isInstanceOfSatisfying(TooManyRecordsException.class, e -> {
                    assertThat(e.selected()).isEqualTo(12);
                    assertThat(e.maxRows()).isEqualTo(11);
                });
    }
}
