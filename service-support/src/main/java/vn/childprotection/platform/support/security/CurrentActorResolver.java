package vn.childprotection.platform.support.security;

import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import vn.childprotection.platform.access.Actor;
import vn.childprotection.platform.access.ActorClaims;

import java.util.Optional;

/** A controller method's {@link Actor} parameter: the caller, as the verified token maps to it. */
final class CurrentActorResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Actor.class;
    }

    @Override
    public Actor resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                                 WebDataBinderFactory binderFactory) {
        return current();
    }

    static Actor current() {
        return actorOf(SecurityContextHolder.getContext().getAuthentication())
                .orElseThrow(() -> new AuthenticationCredentialsNotFoundException("no verified caller"));
    }

    /**
     * The actor of an authentication: the one the edge mapped, or the mapping of any other verified JWT's claims
     * (the same mapping, for example a test's {@code jwt()}); none for anything else.
     */
    static Optional<Actor> actorOf(Authentication authentication) {
        if (authentication instanceof ActorAuthentication mapped) {
            return Optional.of(mapped.actor());
        }
        if (authentication instanceof JwtAuthenticationToken jwt && jwt.isAuthenticated()
                && ActorClaims.map(jwt.getToken().getClaims()) instanceof ActorClaims.Mapped(Actor actor)) {
            return Optional.of(actor);
        }
        return Optional.empty();
    }
}
