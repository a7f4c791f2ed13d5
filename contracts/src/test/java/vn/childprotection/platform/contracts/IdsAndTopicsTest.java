package vn.childprotection.platform.contracts;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdsAndTopicsTest {

    @Test
    void the_case_id_of_a_report_is_the_same_every_time_and_differs_between_reports() {
        UUID reportId = UUID.randomUUID();

        assertThat(Ids.caseIdFor(reportId)).isEqualTo(Ids.caseIdFor(reportId))
                .isNotEqualTo(Ids.caseIdFor(UUID.randomUUID()))
                .isNotEqualTo(reportId.toString());
    }

    @Test
    void name_based_ids_do_not_collide_when_parts_are_shifted() {
        assertThat(Ids.nameBased("ab", "c")).isNotEqualTo(Ids.nameBased("a", "bc"));
    }

    @Test
    void each_agency_has_its_own_referral_topic() {
        assertThat(Topics.referralsFor(Agencies.POLICE)).isEqualTo("referrals.police.v1");
        assertThat(Topics.referralsFor(Agencies.SOCIAL_AFFAIRS)).isEqualTo("referrals.social-affairs.v1");
        assertThat(Topics.referralsFor(Agencies.WOMENS_UNION)).isEqualTo("referrals.womens-union.v1");
        assertThatThrownBy(() -> Topics.referralsFor("police; drop")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dead_letter_topics_are_per_topic_and_consumer_group() {
        assertThat(Topics.deadLetterOf(Topics.CASE_EVENTS, "reporting-service"))
                .isEqualTo("case.events.v1.reporting-service.dlt");
    }
}
