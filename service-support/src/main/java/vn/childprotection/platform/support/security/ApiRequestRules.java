package vn.childprotection.platform.support.security;

import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * A service's own rules for paths that do not take the platform's bearer tokens, applied before the default (every
 * request authenticated): for example the local stand-ins of outside receivers, which check their own signature or
 * key. Deny by default still holds for everything a rule does not name.
 */
@FunctionalInterface
public interface ApiRequestRules {

    /**
     * @param requests       the filter chain's request rules
     * @param administrators the rule for operational endpoints (who may read operations)
     */
    void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry requests,
               AuthorizationManager<RequestAuthorizationContext> administrators);
}
