package vn.childprotection.platform.referral.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import vn.childprotection.platform.contracts.Severity;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * {@code referral.*}: topics, outbox relay and ruleset.
 *
 * @param instanceId who claims outbox leases; defaults to host name plus a random suffix
 */
@ConfigurationProperties("referral")
public record ReferralProperties(@DefaultValue Topics topics, @DefaultValue Outbox outbox,
                                 @DefaultValue Ruleset ruleset,
                                 @DefaultValue Directory directory, @DefaultValue Deadlines deadlines,
                                 @DefaultValue Watchdog watchdog, @DefaultValue ChildKey childKey,
                                 @DefaultValue Responses responses, @DefaultValue Retention retention,
                                 String instanceId) {

    /**
     * The topics this service writes (case events, agency referrals): their partitions and replication factor when
     * this service creates them ({@code create}: on a broker that lets clients create topics, as in the services'
     * tests). Where the platform's provisioning makes every topic ({@code ./platform}, compose: a secured broker
     * that lets no client create one), {@code create} is false and this service neither creates nor alters any.
     */
    public record Topics(@DefaultValue("3") int partitions, @DefaultValue("1") short replicationFactor,
                         @DefaultValue("true") boolean create) {
    }

    /**
     * The outbox relay (README "Outbox"). A record the relay hands to the producer must be settled (acknowledged, or
     * given up by the producer) before the relay's wait ends and well before its claim can expire, so that the check
     * made after an unfinished attempt cannot be overtaken by a late write; the compact constructor refuses settings
     * that break this.
     *
     * @param sweepInterval   delay between sweeps for messages left pending (crash, broker outage)
     * @param lease           how long a relay's claim on a case lasts; sends start only in its first half
     * @param publishTimeout  how long the relay waits for the acknowledgements of a case's messages; longer than
     *                        {@code deliveryTimeout}
     * @param deliveryTimeout the producer's {@code delivery.timeout.ms}: after it, the producer gives a record up
     * @param requestTimeout  the producer's {@code request.timeout.ms} and {@code max.block.ms}; shorter than
     *                        {@code deliveryTimeout}
     * @param checkTimeout    how long the check of the topics after an unfinished attempt may take
     * @param checkClockSkew  how much earlier than a message's {@code recordedAt} a copy on the topic may be stamped
     * @param sweepBatch      cases relayed per sweep at most
     */
    public record Outbox(@DefaultValue("1s") Duration sweepInterval, @DefaultValue("30s") Duration lease,
                         @DefaultValue("6s") Duration publishTimeout, @DefaultValue("4s") Duration deliveryTimeout,
                         @DefaultValue("3s") Duration requestTimeout, @DefaultValue("5s") Duration checkTimeout,
                         @DefaultValue("5m") Duration checkClockSkew, @DefaultValue("100") int sweepBatch) {

        public Outbox {
            if (requestTimeout.plusMillis(100).compareTo(deliveryTimeout) > 0) {
                throw new IllegalArgumentException("referral.outbox.request-timeout (" + requestTimeout
                        + ") must be shorter than referral.outbox.delivery-timeout (" + deliveryTimeout + ")");
            }
            if (publishTimeout.compareTo(deliveryTimeout.plusMillis(500)) < 0) {
                throw new IllegalArgumentException("referral.outbox.publish-timeout (" + publishTimeout
                        + ") must exceed referral.outbox.delivery-timeout (" + deliveryTimeout + ") by 500 ms at "
                        + "least: the relay must outwait the producer, or a send it counts as failed may land later");
            }
            // a send starts at most lease/2 after the claim, may block requestTimeout (metadata) and is settled
            // within publishTimeout after that: all before the lease ends
            if (lease.dividedBy(2).compareTo(requestTimeout.plus(publishTimeout)) < 0) {
                throw new IllegalArgumentException("referral.outbox.lease (" + lease + ") must be at least twice "
                        + "request-timeout + publish-timeout (" + requestTimeout.plus(publishTimeout) + ")");
            }
        }
    }

    /**
     * @param locations ruleset files (Spring resource locations, patterns allowed): the national default and the
     *                  provinces' rulesets, every version of each
     */
    public record Ruleset(@DefaultValue({"classpath:rulesets/national-default.yaml",
            "classpath*:rulesets/provinces/*.yaml"}) List<String> locations) {
    }


    /** @param location the agency directory file (agency codes and the units serving each area) */
    public record Directory(@DefaultValue("classpath:directory/agency-units.yaml") String location) {
    }

    /**
     * Deadline policy. Acknowledgement deadlines are policy defaults (no seed sets them); the emergency-measures and
     * support-plan spans are the law (Decree 56/2017 Art 26.3: 12 hours; Art 28.1: 5 working days) and are
     * configurable only to shorten them for a demonstration.
     *
     * @param acknowledgement        per severity: a duration or a number of working days (a duration wins)
     * @param holidays               public holidays (not working days); configurable data, updated each year
     * @param zone                   the zone deadlines are counted in
     * @param emergencyMeasures      EMERGENCY cases, PRIMARY referrals: emergency measures within (12 h)
     * @param supportPlan            HIGH/EMERGENCY cases, PRIMARY referrals: support plan within (5 working days)
     * @param escalationGrace        after a missed deadline's reminder, escalate after this much more (2 h)
     * @param emergencyMeasuresGrace the same for the emergency-measures deadline (1 h)
     */
    public record Deadlines(Map<Severity, Span> acknowledgement, List<LocalDate> holidays,
                            @DefaultValue("Asia/Ho_Chi_Minh") ZoneId zone,
                            @DefaultValue("12h") Duration emergencyMeasures, @DefaultValue Span supportPlan,
                            @DefaultValue("2h") Duration escalationGrace,
                            @DefaultValue("1h") Duration emergencyMeasuresGrace) {
    }

    /** A duration, or working days (Monday–Friday except holidays); when both are set the duration wins. */
    public record Span(Duration duration, @DefaultValue("0") int workingDays) {
    }

    /**
     * The deadline watchdog (S0 Art 5.4).
     *
     * @param enabled  run it in this instance (several instances may: a lease lets one work at a time)
     * @param interval delay between passes
     * @param lease    how long one pass may hold the job's lease
     * @param batch    cases examined per pass at most
     */
    public record Watchdog(@DefaultValue("true") boolean enabled, @DefaultValue("30s") Duration interval,
                           @DefaultValue("60s") Duration lease, @DefaultValue("100") int batch) {
    }

    /**
     * The secret of {@code CaseOpened.childKey} (HMAC-SHA256 pseudonym of the child). The default is for development
     * only: set {@code REFERRAL_CHILDKEY_SECRET} in every real deployment and never change it afterwards (keys made
     * under another secret do not match).
     */
    public record ChildKey(@DefaultValue(ChildKey.DEV_SECRET) String secret) {
        public static final String DEV_SECRET = "dev-only-child-key-secret-not-for-production";
    }

    /**
     * How long a closed case's personal data is kept (docs/data-retention.md), and the job that erases it then. The
     * period is a POLICY DEFAULT: no source text in the domain reference sets one.
     *
     * @param closedCases how long after its closing a case keeps the child's name, the informant and the narrative
     *                    (365 days: a year covers the yearly reporting round and a repeat report about the same child
     *                    within the year, S0 Art 9.4)
     * @param enabled     run the job in this instance (several may: a lease lets one work at a time)
     * @param interval    delay between passes
     * @param lease       how long one pass may hold the job's lease
     * @param batch       cases purged per pass at most
     * @param attempts    how often an erasure on request is decided again after a concurrent change of its case
     */
    public record Retention(@DefaultValue("365d") Duration closedCases, @DefaultValue("true") boolean enabled,
                            @DefaultValue("1h") Duration interval, @DefaultValue("10m") Duration lease,
                            @DefaultValue("100") int batch, @DefaultValue("5") int attempts) {
    }

    /** @param attempts how many times a response is decided again after a concurrent change of its case */
    public record Responses(@DefaultValue("5") int attempts) {
    }
}
