package vn.childprotection.platform.console.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import vn.childprotection.platform.access.ActorClaims;
import vn.childprotection.platform.contracts.text.LogText;

/**
 * Signs a person in only when their ID token and user info map to an actor ({@link ActorClaims}: a role of this
 * platform with the scope it needs); the authorities are what {@link Permissions} gives that actor. Anyone else is
 * refused at the login, never let in with less or more.
 */
public final class ActorOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    /** The error code of a refused login: the login page says the account has no role here. */
    public static final String NO_PLATFORM_ROLE = "access_denied";

    private static final Logger log = LoggerFactory.getLogger(ActorOidcUserService.class);

    private final OAuth2UserService<OidcUserRequest, OidcUser> delegate;

    public ActorOidcUserService() {
        this(new OidcUserService());
    }

    ActorOidcUserService(OAuth2UserService<OidcUserRequest, OidcUser> delegate) {
        this.delegate = delegate;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = delegate.loadUser(request);
        return switch (ActorClaims.map(user.getClaims())) {
            case ActorClaims.Mapped mapped -> new DefaultOidcUser(Permissions.authorities(mapped.actor()),
                    user.getIdToken(), user.getUserInfo(), IdTokenClaimNames.SUB);
            case ActorClaims.Refused refused -> {
                // the reason names roles and scope codes, never the person; the codes are the token's, neutralised
                log.info("login refused: {}", LogText.of(refused.reason()));
                throw new OAuth2AuthenticationException(new OAuth2Error(NO_PLATFORM_ROLE,
                        "the account has no role of this platform with the scope it needs", null));
            }
        };
    }
}
