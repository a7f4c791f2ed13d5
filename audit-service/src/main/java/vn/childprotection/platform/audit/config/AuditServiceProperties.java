package vn.childprotection.platform.audit.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code audit.*}.
 *
 * @param retention    how long a record is kept after it happened (policy default: five years); older records are
 *                     purged from the head of their chain, and verification continues each purged chain from its last
 *                     purged record (README "Retention and verification")
 * @param purge        when and how the purge runs
 * @param query        the limits of a page
 * @param export       the limits of a CSV export
 */
@ConfigurationProperties("audit")
public record AuditServiceProperties(@DefaultValue("P1825D") Duration retention,
                                     @DefaultValue Purge purge,
                                     @DefaultValue Query query,
                                     @DefaultValue Export export) {

    /**
     * @param initialDelay after the start, before the first purge
     * @param interval     between the end of one purge and the start of the next
     * @param sliceSize    records of a chain read, walked and deleted per step
     */
    public record Purge(@DefaultValue("1m") Duration initialDelay, @DefaultValue("1h") Duration interval,
                        @DefaultValue("1000") int sliceSize) {
    }

    /**
     * @param maxPageSize records per page at most
     * @param maxOffset   records a page may skip at most (page × size); the CSV export or a narrower period reaches
     *                    further
     */
    public record Query(@DefaultValue("500") int maxPageSize, @DefaultValue("100000") long maxOffset) {
    }

    /**
     * @param maxRows records one CSV export may hold at most: a larger selection is refused (422), never cut. About
     *                500 bytes per row, so the default is about 500 MB streamed, never held
     */
    public record Export(@DefaultValue("1000000") long maxRows) {
    }
}
