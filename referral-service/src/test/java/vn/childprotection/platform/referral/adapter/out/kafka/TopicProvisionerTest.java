package vn.childprotection.platform.referral.adapter.out.kafka;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.kafka.core.KafkaAdmin;
import vn.childprotection.platform.contracts.Topics;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

class TopicProvisionerTest {

    private final KafkaAdmin admin = mock(KafkaAdmin.class);
    private final TopicProvisioner topics = new TopicProvisioner(admin, 3, (short) 1,
            List.of(Topics.CASE_EVENTS, Topics.referralsFor("POLICE", "11")));

    @Test
    void aDeclaredTopicNeedsNoAdminCall() {
        topics.ensure(Topics.referralsFor("POLICE", "11"));

        verifyNoInteractions(admin);
    }

    @Test
    void theTopicOfAnAgencyAddedByARulesetIsCreatedOnceBeforeItsFirstMessage() {
        String procuracy = Topics.referralsFor("PROCURACY", "11");

        topics.ensure(procuracy);
        topics.ensure(procuracy);

        ArgumentCaptor<NewTopic> created = ArgumentCaptor.forClass(NewTopic.class);
        verify(admin, times(1)).createOrModifyTopics(created.capture());
        assertThat(created.getValue().name()).isEqualTo("referrals.procuracy.11.v1");
        assertThat(created.getValue().numPartitions()).isEqualTo(3);
        assertThat(created.getValue().replicationFactor()).isEqualTo((short) 1);
        assertThat(topics.known(procuracy)).isTrue();
    }
}
