package vn.childprotection.platform.reporting.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The live projection ({@code EventProjector}).
 *
 * @param caseContextCacheSize how many opened cases' contexts (province, district, reception date, contact type) are
 *                             kept in memory for their referral facts; about 300 bytes each; 0 reads every one from
 *                             the store
 */
@ConfigurationProperties("reporting.projection")
public record ProjectionProperties(@DefaultValue("20000") int caseContextCacheSize) {

    public ProjectionProperties {
        if (caseContextCacheSize < 0) {
            throw new IllegalArgumentException("reporting.projection.case-context-cache-size must not be negative");
        }
    }
}
