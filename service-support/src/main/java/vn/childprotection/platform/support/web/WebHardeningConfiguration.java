package vn.childprotection.platform.support.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import tools.jackson.core.StreamReadConstraints;

/**
 * What every service's HTTP API gets from {@code ApiSecurityConfiguration}, beside its security: request bodies
 * bounded in size ({@link BodySizeLimit}: 413) and JSON bounded in depth (Spring's JSON reader, 400 through
 * {@link JsonBodyProblemAdvice}), both from {@link RequestLimitsProperties}; and one log line, without a stack
 * trace, for every client error a controller answers ({@link ClientErrorLog}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestLimitsProperties.class)
@Import(JsonBodyProblemAdvice.class)
public class WebHardeningConfiguration {

    /** After the security filter chain (order -100): refusals come before any body is read. */
    static final int BODY_LIMIT_ORDER = 0;

    @Bean
    FilterRegistrationBean<BodySizeLimit> bodySizeLimit(RequestLimitsProperties limits) {
        FilterRegistrationBean<BodySizeLimit> registration =
                new FilterRegistrationBean<>(new BodySizeLimit(limits.maxBodySize().toBytes()));
        registration.setOrder(BODY_LIMIT_ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ClientErrorLog> clientErrorLog() {
        FilterRegistrationBean<ClientErrorLog> registration = new FilterRegistrationBean<>(new ClientErrorLog());
        registration.setOrder(BODY_LIMIT_ORDER + 1);
        return registration;
    }

    @Bean
    JsonFactoryBuilderCustomizer requestJsonDepth(RequestLimitsProperties limits) {
        return factory -> factory.streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxJsonDepth())
                .build());
    }
}
