package vn.childprotection.platform.support.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * {@code platform.security.*}.
 *
 * @param publicDocs whether the OpenAPI document and Swagger UI are open to anyone (the local stack sets it; outside
 *                   it they are for administrators). The API operations they describe still need a token.
 * @param pages      path patterns of HTML pages the service serves from its own resources, which get
 *                   {@link SecurityHeaders#PAGE_POLICY} instead of the API's policy (none in production: the pages
 *                   are the console's; a test that serves the dashboard from a service names its paths)
 */
@ConfigurationProperties("platform.security")
public record ApiSecurityProperties(@DefaultValue("false") boolean publicDocs,
                                    @DefaultValue List<String> pages) {
}
