package vn.childprotection.platform.referral.config;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import vn.childprotection.platform.contracts.Topics;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class AgencyResponseBindingTest {

    @Test
    void theAnswersBindingListensToEveryAnswerTopicByTheContractsPatternAndNothingElse() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        Properties properties = yaml.getObject();

        String destination = properties.getProperty("spring.cloud.stream.bindings.onAgencyResponse-in-0.destination");
        // a comma would make the binder listen to several destinations, none of them the pattern
        assertThat(destination).isEqualTo(Topics.AGENCY_RESPONSES_PATTERN).doesNotContain(",");
        assertThat(properties.getProperty(
                "spring.cloud.stream.kafka.bindings.onAgencyResponse-in-0.consumer.destination-is-pattern"))
                .isEqualTo("true");
        assertThat(Topics.agencyResponsesFor("SOCIAL_AFFAIRS", "11")).matches(destination);
        assertThat(Topics.AGENCY_RESPONSES_DEAD_LETTER).doesNotMatch(destination);
    }
}
