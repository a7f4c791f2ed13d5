package vn.childprotection.platform.support.security;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import vn.childprotection.platform.access.Actor;

import java.util.Map;

/** A verified bearer token and the actor it maps to; authorities {@code ROLE_<claim>} for the filter chain's rules. */
public final class ActorAuthentication extends AbstractOAuth2TokenAuthenticationToken<Jwt> {

    private final Actor actor;

    ActorAuthentication(Jwt jwt, Actor actor) {
        super(jwt, actor.subject(), jwt, actor.roles().stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role.claim())).toList());
        this.actor = actor;
        setAuthenticated(true);
    }

    public Actor actor() {
        return actor;
    }

    @Override
    public Map<String, Object> getTokenAttributes() {
        return getToken().getClaims();
    }

    @Override
    public String getName() {
        return actor.subject();
    }
}
