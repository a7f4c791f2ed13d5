package vn.childprotection.platform.reporting.adapter.out.mongo;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import vn.childprotection.platform.reporting.domain.CaseFact;
import vn.childprotection.platform.reporting.domain.FactFold;
import vn.childprotection.platform.reporting.fixtures.CaseEvents;
import vn.childprotection.platform.reporting.fixtures.ShippedMaps;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

/** Case facts as documents: they record the map of their day, and documents written before that read the same. */
class StoredCaseFactsTest {

    @Test
    void a_case_fact_records_the_map_of_its_day_and_its_province_on_todays_map() {
        FactFold fold = new FactFold(ShippedMaps.AREAS);
        fold.fold(CaseEvents.aCase("stored-an-giang-2024").province("89", "883")
                .receivedAt(LocalDate.of(2024, 5, 20), LocalTime.of(14, 0)).build());

        Document stored = FactCodec.encode(fold.cases().iterator().next(), 1);

        assertThat(stored).containsEntry("provinceCode", "89").containsEntry("areaMap", "VN-2024")
                .containsEntry("latestProvinceCode", "91");
    }

    @Test
    void a_document_written_before_facts_recorded_their_map_is_read_with_it() {
        Document older = new Document("_id", "case-written-before")
                .append("receivedAt", Date.from(java.time.Instant.parse("2024-05-20T07:00:00Z")))
                .append("receivedDate", "2024-05-20")
                .append("contactType", "INTERVENTION")
                .append("provinceCode", "89")
                .append("districtCode", "883")
                .append("openedAt", Date.from(java.time.Instant.parse("2024-05-20T07:00:05Z")))
                .append("revision", 3L);

        CaseFact fact = FactCodec.decodeCase(older, ShippedMaps.AREAS);

        assertThat(fact.areaMap()).isEqualTo("VN-2024");
        assertThat(fact.latestProvinceCode()).isEqualTo("91");
        assertThat(fact.districtOnMap()).isEqualTo("883");
        assertThat(fact.communeOnMap()).isNull();
    }
}
