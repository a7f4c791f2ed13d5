package vn.childprotection.platform.support.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.security.*}.
 *
 * @param publicDocs whether the OpenAPI document and Swagger UI are open to anyone (the local stack sets it; outside
 *                   it they are for administrators). The API operations they describe still need a token.
 */
@ConfigurationProperties("platform.security")
public record ApiSecurityProperties(@DefaultValue("false") boolean publicDocs) {
}
