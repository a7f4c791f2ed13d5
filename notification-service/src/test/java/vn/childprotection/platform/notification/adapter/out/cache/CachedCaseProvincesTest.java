package vn.childprotection.platform.notification.adapter.out.cache;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.notification.application.port.out.CaseProvinces;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CachedCaseProvincesTest {

    private final CountingProvinces store = new CountingProvinces();

    @Test
    void aRememberedProvinceIsStoredAndThenAnsweredWithoutTheStore() {
        CachedCaseProvinces provinces = new CachedCaseProvinces(store, 100);

        provinces.remember("case-1", "11");

        assertThat(store.byCase).containsEntry("case-1", "11");
        assertThat(provinces.provinceOf("case-1")).contains("11");
        assertThat(provinces.provinceOf("case-1")).contains("11");
        assertThat(store.reads).isZero();
    }

    @Test
    void aProvinceRememberedByAnotherInstanceIsReadOnceThenKept() {
        store.byCase.put("case-2", "79");
        CachedCaseProvinces provinces = new CachedCaseProvinces(store, 100);

        assertThat(provinces.provinceOf("case-2")).contains("79");
        assertThat(provinces.provinceOf("case-2")).contains("79");

        assertThat(store.reads).isEqualTo(1);
    }

    @Test
    void anUnknownCaseIsAskedAgainUntilItsProvinceIsKnown() {
        CachedCaseProvinces provinces = new CachedCaseProvinces(store, 100);

        assertThat(provinces.provinceOf("case-3")).isEmpty();
        store.byCase.put("case-3", "01");

        assertThat(provinces.provinceOf("case-3")).contains("01");
        assertThat(store.reads).isEqualTo(2);
    }

    @Test
    void withoutRoomEveryQuestionGoesToTheStore() {
        CachedCaseProvinces provinces = new CachedCaseProvinces(store, 0);
        provinces.remember("case-4", "11");

        provinces.provinceOf("case-4");
        provinces.provinceOf("case-4");

        assertThat(store.reads).isEqualTo(2);
    }

    private static final class CountingProvinces implements CaseProvinces {
        final Map<String, String> byCase = new HashMap<>();
        int reads;

        @Override
        public void remember(String caseId, String provinceCode) {
            byCase.put(caseId, provinceCode);
        }

        @Override
        public Optional<String> provinceOf(String caseId) {
            reads++;
            return Optional.ofNullable(byCase.get(caseId));
        }
    }
}
