package vn.childprotection.platform.referral.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code referral.*}: topics, outbox relay and ruleset.
 *
 * @param instanceId who claims outbox leases; defaults to host name plus a random suffix
 */
@ConfigurationProperties("referral")
public record ReferralProperties(@DefaultValue Topics topics, @DefaultValue Outbox outbox,
                                 @DefaultValue Ruleset ruleset, String instanceId) {

    /** Partitions and replication factor of the topics this service writes (case events, agency referrals). */
    public record Topics(@DefaultValue("3") int partitions, @DefaultValue("1") short replicationFactor) {
    }

    /**
     * @param sweepInterval  delay between sweeps for messages left pending (crash, broker outage)
     * @param lease          how long a relay's claim on a case lasts
     * @param publishTimeout how long the relay waits for the broker's acknowledgement of one message
     * @param sweepBatch     cases relayed per sweep at most
     */
    public record Outbox(@DefaultValue("1s") Duration sweepInterval, @DefaultValue("30s") Duration lease,
                         @DefaultValue("5s") Duration publishTimeout, @DefaultValue("100") int sweepBatch) {
    }

    /** @param location the ruleset file (Spring resource location) */
    public record Ruleset(@DefaultValue("classpath:rulesets/national-default.yaml") String location) {
    }
}
