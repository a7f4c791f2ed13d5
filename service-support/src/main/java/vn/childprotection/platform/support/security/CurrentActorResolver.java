package vn.childprotection.platform.support.security;

import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import vn.childprotection.platform.access.Actor;

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
        if (SecurityContextHolder.getContext().getAuthentication() instanceof ActorAuthentication authentication) {
            return authentication.actor();
        }
        throw new AuthenticationCredentialsNotFoundException("no verified caller");
    }
}
