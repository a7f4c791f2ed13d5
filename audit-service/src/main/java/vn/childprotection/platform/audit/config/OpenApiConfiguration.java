package vn.childprotection.platform.audit.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.childprotection.platform.audit.adapter.in.web.OpenApiNames;

/** springdoc: {@code /v3/api-docs}, {@code /swagger-ui.html}; every operation asks for a bearer token. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    @Bean
    OpenAPI auditOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("audit-service")
                        .version("v1")
                        .description("The platform's audit trail, for auditors: every service's hash-chained records "
                                + "of who did, or was refused, what, on which ids; filtered, exported as CSV and "
                                + "verified chain by chain."))
                .components(new Components().addSecuritySchemes(OpenApiNames.BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("An access token of the platform's identity provider (audience cprp-api) for a "
                                + "user with the auditor role, e.g. `./platform token auditor`")));
    }
}
