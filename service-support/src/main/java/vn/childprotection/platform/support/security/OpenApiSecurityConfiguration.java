package vn.childprotection.platform.support.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API document says what every operation needs: a bearer token (a JWT from the platform's OpenID Connect
 * provider, audience {@code cprp-api}) on every operation.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(OpenApiCustomizer.class)
public class OpenApiSecurityConfiguration {

    public static final String SCHEME = "bearer";

    @Bean
    OpenApiCustomizer bearerOnEveryOperation() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSecuritySchemes(SCHEME, new SecurityScheme()
                    .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                    .description("An access token of the platform's OpenID Connect provider (audience cprp-api). "
                            + "Locally: ./platform token <user>. Without one every operation answers 401."));
            if (openApi.getPaths() != null) {
                openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                    if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
                        operation.addSecurityItem(new SecurityRequirement().addList(SCHEME));
                    }
                    if (operation.getResponses() != null) {
                        operation.getResponses().computeIfAbsent("401", status -> problem(
                                "No valid bearer token (missing, expired, foreign or without a platform role)"));
                        operation.getResponses().computeIfAbsent("403", status -> problem(
                                "The caller's role may never do this"));
                    }
                }));
            }
        };
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                "application/problem+json", new MediaType().schema(new Schema<>().type("object")
                        .description("RFC 9457 problem: type, title, status, detail, instance"))));
    }
}
