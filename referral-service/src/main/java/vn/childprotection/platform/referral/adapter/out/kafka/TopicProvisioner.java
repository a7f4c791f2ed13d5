package vn.childprotection.platform.referral.adapter.out.kafka;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes sure a topic exists before the first message goes to it. The topics declared at start-up ({@code NewTopic}
 * beans: case events and the seven national agencies) are known; a referral topic of an agency that a ruleset adds
 * (a province's courts, procuracy, ...) is created on demand, once, with the configured partitions and replicas.
 */
public final class TopicProvisioner {

    private final KafkaAdmin admin;
    private final int partitions;
    private final short replicas;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public TopicProvisioner(KafkaAdmin admin, int partitions, short replicas, Collection<String> declared) {
        this.admin = admin;
        this.partitions = partitions;
        this.replicas = replicas;
        this.known.addAll(declared);
    }

    /** {@code admin} null: the topics are provisioned by the platform, never created here. */
    public void ensure(String topic) {
        if (admin == null || known.contains(topic)) {
            return;
        }
        NewTopic newTopic = TopicBuilder.name(topic).partitions(partitions).replicas(replicas).build();
        admin.createOrModifyTopics(newTopic);
        known.add(topic);
    }

    public boolean known(String topic) {
        return known.contains(topic);
    }
}
