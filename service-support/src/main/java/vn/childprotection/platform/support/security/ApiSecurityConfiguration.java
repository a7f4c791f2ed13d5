package vn.childprotection.platform.support.security;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.childprotection.platform.access.AccessPolicy;
import vn.childprotection.platform.access.Operation;
import vn.childprotection.platform.access.Target;
import vn.childprotection.platform.contracts.Topics;
import vn.childprotection.platform.support.audit.AuditProperties;
import vn.childprotection.platform.support.audit.AuditTrail;
import vn.childprotection.platform.support.audit.KafkaAuditTrail;
import vn.childprotection.platform.support.messaging.KafkaConnection;
import vn.childprotection.platform.support.web.WebHardeningConfiguration;

import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Deny by default, for a service's HTTP API to {@code @Import}: every request needs a valid bearer token (issuer,
 * audience, expiry and signature checked here, from {@code spring.security.oauth2.resourceserver.jwt.*}), except the
 * health probes; the token is mapped once to an {@link vn.childprotection.platform.access.Actor} that controllers
 * take as a parameter and decide on with the {@link AccessGuard}; actuator endpoints beyond health and the API
 * documents are for administrators; every refusal and every allowed read or action goes to the audit trail. Every
 * answer carries the {@link SecurityHeaders}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AuditProperties.class, ApiSecurityProperties.class})
@Import({AccessProblemAdvice.class, OpenApiSecurityConfiguration.class, WebHardeningConfiguration.class})
public class ApiSecurityConfiguration {

    /** Outside the local stack, no development secret and no local sink ({@link DevelopmentValuesGuard}). */
    @Bean
    DevelopmentValuesGuard developmentValuesGuard(org.springframework.core.env.ConfigurableEnvironment environment) {
        return DevelopmentValuesGuard.checked(environment);
    }

    private static final String[] HEALTH = {"/actuator/health", "/actuator/health/**", "/error"};
    private static final String[] DOCS = {"/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui/**",
            "/swagger-ui.html"};

    @Bean(destroyMethod = "close")
    KafkaAuditTrail auditTrail(KafkaProperties kafka, Environment environment, AuditProperties properties) {
        String service = environment.getProperty("spring.application.name", "service");
        String instance = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        return KafkaAuditTrail.create(KafkaConnection.of(kafka), service + "-" + instance,
                properties.publishTimeout());
    }

    @Bean
    NewTopic auditEventsTopic(AuditProperties properties) {
        return TopicBuilder.name(Topics.AUDIT_EVENTS).partitions(properties.partitions())
                .replicas(properties.replicas()).build();
    }

    @Bean
    AccessGuard accessGuard(AuditTrail auditTrail, ObjectProvider<Clock> clock) {
        return new AccessGuard(auditTrail, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, AccessGuard guard, ApiSecurityProperties properties,
                                    AuditProperties audit, ObjectProvider<ApiRequestRules> serviceRules,
                                    ObjectProvider<EndpointOperations> endpoints) {
        List<EndpointOperations.Endpoint> declared = endpoints.orderedStream()
                .flatMap(table -> table.endpoints().stream()).toList();
        ProblemResponses problems = new ProblemResponses(guard, declared, audit.retryAfter());
        RequestMatcher docs = new OrRequestMatcher(Arrays.stream(DOCS)
                .map(pattern -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(pattern)).toList());
        RequestMatcher pages = properties.pages().isEmpty() ? request -> false
                : new OrRequestMatcher(properties.pages().stream()
                .map(pattern -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(pattern)).toList());
        http.authorizeHttpRequests(requests -> {
                    requests.requestMatchers(HEALTH).permitAll();
                    serviceRules.orderedStream().forEach(rules -> rules.apply(requests, operations(guard)));
                    for (EndpointOperations.Endpoint endpoint : declared) {
                        requests.requestMatchers(endpoint.method(), endpoint.pattern())
                                .access(anyOf(endpoint.operations()));
                    }
                    if (properties.publicDocs()) {
                        requests.requestMatchers(DOCS).permitAll();
                    }
                    requests.requestMatchers("/actuator/**").access(operations(guard));
                    requests.requestMatchers(DOCS).access(operations(guard));
                    requests.anyRequest().authenticated();
                })
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new ActorAuthenticationConverter()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .headers(headers -> headers
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(docs,
                                new ContentSecurityPolicyHeaderWriter(SecurityHeaders.DOCS_POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(pages,
                                new ContentSecurityPolicyHeaderWriter(SecurityHeaders.PAGE_POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(
                                new OrRequestMatcher(docs, pages)),
                                new ContentSecurityPolicyHeaderWriter(SecurityHeaders.API_POLICY))))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable);
        return http.build();
    }

    /** An endpoint: an authenticated caller one of whose roles may do one of its operations. */
    private static AuthorizationManager<RequestAuthorizationContext> anyOf(Set<Operation> operations) {
        return (authentication, context) -> new AuthorizationDecision(
                CurrentActorResolver.actorOf(authentication.get()).filter(caller -> caller.roles().stream()
                        .anyMatch(role -> operations.stream().anyMatch(operation ->
                                AccessPolicy.permits(role, operation)))).isPresent());
    }

    /** Operational endpoints: whoever {@link AccessPolicy} lets read operations (administrators). */
    private static AuthorizationManager<RequestAuthorizationContext> operations(AccessGuard guard) {
        return (authentication, context) -> new AuthorizationDecision(
                CurrentActorResolver.actorOf(authentication.get()).filter(caller -> AccessPolicy.decide(caller,
                        Operation.READ_OPERATIONS, new Target.Platform(), guard.clock().instant()).allowed())
                        .isPresent());
    }

    @Bean
    WebMvcConfigurer currentActorArgument() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CurrentActorResolver());
            }
        };
    }
}
