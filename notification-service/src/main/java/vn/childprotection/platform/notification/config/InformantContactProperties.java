package vn.childprotection.platform.notification.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code notification.informant-contact.*}: how long an informant's phone may be kept when the outcome is never
 * delivered (docs/data-retention.md). The limit is a POLICY DEFAULT: no source text in the domain reference sets one.
 *
 * @param maxKept  the phone is erased this long after it was kept, whichever comes first with the outcome's delivery
 *                 (90 days: a case's agencies act within days or weeks, Decree 56/2017 Art 26.3 and 28.1 set hours
 *                 and working days, so an outcome not delivered within a quarter is not waiting for the phone)
 * @param enabled  run the pass in this instance (several may: each phone is erased, and recorded, once)
 * @param interval delay between passes
 * @param batch    phones erased per pass at most
 */
@ConfigurationProperties("notification.informant-contact")
public record InformantContactProperties(@DefaultValue("90d") Duration maxKept,
                                         @DefaultValue("true") boolean enabled,
                                         @DefaultValue("1h") Duration interval,
                                         @DefaultValue("100") int batch) {
}
