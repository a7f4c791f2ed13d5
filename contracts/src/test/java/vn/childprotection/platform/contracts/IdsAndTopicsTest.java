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
    void each_agency_has_its_own_referral_topic_in_each_province() {
        assertThat(Topics.referralsFor(Agencies.POLICE, "11")).isEqualTo("referrals.police.11.v1");
        assertThat(Topics.referralsFor(Agencies.SOCIAL_AFFAIRS, "01")).isEqualTo("referrals.social-affairs.01.v1");
        assertThat(Topics.referralsFor(Agencies.WOMENS_UNION, "91")).isEqualTo("referrals.womens-union.91.v1");
        assertThatThrownBy(() -> Topics.referralsFor("police; drop", "11"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Topics.referralsFor(Agencies.POLICE, "11.v1.x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_answer_topic_names_the_agency_and_province_that_alone_may_write_it() {
        String topic = Topics.agencyResponsesFor(Agencies.SOCIAL_AFFAIRS, "11");

        assertThat(topic).isEqualTo("agency.responses.social-affairs.11.v1").matches(Topics.AGENCY_RESPONSES_PATTERN);
        assertThat(Topics.responderOf(topic))
                .contains(new Topics.AgencyAndProvince(Agencies.SOCIAL_AFFAIRS, "11"));
        assertThat(Topics.responderOf(Topics.AGENCY_RESPONSES_DEAD_LETTER)).isEmpty();
        assertThat(Topics.responderOf("agency.responses.v1")).isEmpty();
        assertThat(Topics.AGENCY_RESPONSES_DEAD_LETTER).doesNotMatch(Topics.AGENCY_RESPONSES_PATTERN);
    }

    @Test
    void dead_letter_topics_are_per_topic_and_consumer_group() {
        assertThat(Topics.deadLetterOf(Topics.CASE_EVENTS, "reporting-service"))
                .isEqualTo("case.events.v1.reporting-service.dlt");
    }
}
