package vn.childprotection.platform.support.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import vn.childprotection.platform.access.ActorClaims;

/**
 * The edge's one mapping of a verified token to an actor ({@link ActorClaims}): a token that gives none (no platform
 * role, an incomplete scope) is refused as an invalid token (401), never widened.
 */
final class ActorAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        return switch (ActorClaims.map(jwt.getClaims())) {
            case ActorClaims.Mapped(var actor) -> new ActorAuthentication(jwt, actor);
            case ActorClaims.Refused(var reason) -> throw new InvalidBearerTokenException(reason);
        };
    }
}
