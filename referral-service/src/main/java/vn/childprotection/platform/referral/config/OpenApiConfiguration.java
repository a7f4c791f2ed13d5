package vn.childprotection.platform.referral.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** springdoc: {@code /v3/api-docs}, {@code /swagger-ui.html}. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    @Bean
    OpenAPI referralOpenApi() {
        return new OpenAPI().info(new Info()
                .title("referral-service")
                .version("v1")
                .description("Cases opened from hotline reports, their referrals to the responsible agencies "
                        + "(S0 Art 9.5; the standing agency always informed, S0 Art 8.4) and the routing ruleset."));
    }
}
