package vn.childprotection.platform.notification.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** springdoc: {@code /v3/api-docs}, {@code /swagger-ui.html}. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    @Bean
    OpenAPI notificationOpenApi() {
        return new OpenAPI().info(new Info()
                .title("notification-service")
                .version("v1")
                .description("Notifications to agency focal points of the referrals issued to them "
                        + "(S0 Art 7.2, 8.4). Codes and ids only: no personal data."));
    }
}
