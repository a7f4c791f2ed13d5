package vn.childprotection.platform.support.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code platform.consumers.*}.
 *
 * @param unavailableBackOff the pauses between attempts at a record while the store or the broker cannot serve
 * @param forgetAfter        a held partition not tried again for this long is no longer reported (revoked, stopped)
 */
@ConfigurationProperties("platform.consumers")
public record ConsumerResilienceProperties(@DefaultValue UnavailableBackOff unavailableBackOff,
                                           @DefaultValue("2m") Duration forgetAfter) {

    /** From {@code initial}, times {@code multiplier} after each attempt, at most {@code max}; never giving up. */
    public record UnavailableBackOff(@DefaultValue("500ms") Duration initial, @DefaultValue("2.0") double multiplier,
                                     @DefaultValue("5s") Duration max) {
    }
}
