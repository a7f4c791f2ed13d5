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
                                 @DefaultValue Ruleset ruleset, @DefaultValue Areas areas,
                                 @DefaultValue Directory directory, @DefaultValue Deadlines deadlines,
                                 String instanceId) {

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

    /**
     * @param locations ruleset files (Spring resource locations, patterns allowed): the national default and the
     *                  provinces' rulesets, every version of each
     */
    public record Ruleset(@DefaultValue({"classpath:rulesets/national-default.yaml",
            "classpath*:rulesets/provinces/*.yaml"}) List<String> locations) {
    }

    /** @param lists the official area lists, each in force from its effectiveFrom (until the next one's) */
    public record Areas(List<AreaListFile> lists) {
    }

    /**
     * @param version       the list's name, shown in explanations
     * @param effectiveFrom first day the list is in force
     */
    public record AreaListFile(String location, String version, LocalDate effectiveFrom) {
    }

    /** @param location the agency directory file (agency codes and the units serving each area) */
    public record Directory(@DefaultValue("classpath:directory/agency-units.yaml") String location) {
    }

    /**
     * Deadline policy (policy defaults, not law: no seed sets acknowledgement deadlines).
     *
     * @param acknowledgement per severity: a duration or a number of working days
     * @param holidays        public holidays (not working days); configurable data, updated each year
     * @param zone            the zone deadlines are counted in
     */
    public record Deadlines(Map<Severity, Span> acknowledgement, List<LocalDate> holidays,
                            @DefaultValue("Asia/Ho_Chi_Minh") ZoneId zone) {
    }

    /** A duration, or working days (Monday–Friday except holidays). */
    public record Span(Duration duration, @DefaultValue("0") int workingDays) {
    }
}
