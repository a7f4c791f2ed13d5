package vn.childprotection.platform.support.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code platform.requests.*}: what a request body may be, on every endpoint of a service.
 *
 * @param maxBodySize  a larger body is answered 413 before any of it reaches a controller (policy default 64 KB,
 *                     intake's limit for a report: no endpoint of the platform takes more)
 * @param maxJsonDepth a JSON body nesting deeper (objects and arrays) is answered 400 (policy default 16, as intake's
 *                     reports; no request of the platform nests more than 4)
 */
@ConfigurationProperties("platform.requests")
public record RequestLimitsProperties(
        @DefaultValue("64KB") DataSize maxBodySize,
        @DefaultValue("16") int maxJsonDepth) {
}
