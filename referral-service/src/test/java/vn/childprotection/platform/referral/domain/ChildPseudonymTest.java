package vn.childprotection.platform.referral.domain;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.contracts.CaseEvent;
import vn.childprotection.platform.contracts.CaseOpened;
import vn.childprotection.platform.contracts.Child;
import vn.childprotection.platform.contracts.EventJson;
import vn.childprotection.platform.contracts.Location;
import vn.childprotection.platform.contracts.Sex;

import java.time.Instant;
import java.text.Normalizer;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.childprotection.platform.referral.fixtures.ReportFixtures.CHILD_NAME;
import static vn.childprotection.platform.referral.fixtures.ReportFixtures.report;
import static vn.childprotection.platform.referral.fixtures.RoutingFixtures.shippedRouting;

/** CaseOpened.childKey: a pseudonym that matches the same child across reports and reveals nothing by itself. */
class ChildPseudonymTest {

    private static final ChildPseudonym KEYS = new ChildPseudonym("test-secret");
    private static final Location DIEN_BIEN = new Location("11", "094", null);

    @Test
    void theSameChildWrittenDifferentlyGetsTheSameKey() {
        String decomposed = Normalizer.normalize(CHILD_NAME, Normalizer.Form.NFD).toUpperCase();
        String key = KEYS.keyOf(new Child(CHILD_NAME, Sex.FEMALE, 12), DIEN_BIEN);

        assertThat(key).matches("[0-9a-f]{64}");
        assertThat(KEYS.keyOf(new Child("  " + decomposed.replace(" ", "   ") + " ", Sex.FEMALE, 13),
                new Location("11", null, null))).isEqualTo(key);
    }

    @Test
    void anotherSexProvinceOrSecretGivesAnotherKeyAndNoNameGivesNone() {
        String key = KEYS.keyOf(new Child(CHILD_NAME, Sex.FEMALE, 12), DIEN_BIEN);

        assertThat(KEYS.keyOf(new Child(CHILD_NAME, Sex.MALE, 12), DIEN_BIEN)).isNotEqualTo(key);
        assertThat(KEYS.keyOf(new Child(CHILD_NAME, Sex.FEMALE, 12), new Location("06", null, null)))
                .isNotEqualTo(key);
        assertThat(new ChildPseudonym("other").keyOf(new Child(CHILD_NAME, Sex.FEMALE, 12), DIEN_BIEN))
                .isNotEqualTo(key);
        assertThat(KEYS.keyOf(new Child(null, Sex.FEMALE, 12), DIEN_BIEN)).isNull();
        assertThat(KEYS.keyOf(null, DIEN_BIEN)).isNull();
    }

    @Test
    void caseOpenedCarriesTheKeyAndNeverTheName() {
        Case c = ((CaseOpening.Opened) Case.open(report().build(), shippedRouting(), Instant.EPOCH, KEYS)).opened();

        String payload = c.outbox().getFirst().payload();
        CaseOpened opened = (CaseOpened) EventJson.read(payload, CaseEvent.class);
        assertThat(opened.childKey()).isEqualTo(KEYS.keyOf(report().build().child(), report().build().location()));
        assertThat(payload).doesNotContain(CHILD_NAME);
    }
}
