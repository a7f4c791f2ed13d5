package vn.childprotection.platform.reporting.adapter.in.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import vn.childprotection.platform.reporting.application.StatsService;
import vn.childprotection.platform.reporting.domain.Areas;
import vn.childprotection.platform.reporting.fixtures.ShippedMaps;
import vn.childprotection.platform.support.audit.AuditTrail;
import vn.childprotection.platform.support.security.ApiSecurityConfiguration;
import vn.childprotection.platform.testsupport.identity.TestActor;

import java.time.Duration;

import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A browser asking for the live stream when every place is taken gets a 503 problem with Retry-After. */
@WebMvcTest(controllers = StatsController.class)
@Import(ApiSecurityConfiguration.class)
class StreamLimitsSliceTest {

    @TestConfiguration(proxyBeanMethods = false)
    @EnableWebSecurity
    static class WebSecurity {

        @Bean
        Areas areas() {
            return ShippedMaps.AREAS;
        }
    }

    @Autowired
    MockMvc mvc;
    @MockitoBean
    StatsService stats;
    @MockitoBean
    ProjectionStream stream;
    @MockitoBean
    AuditTrail audit;
    @MockitoBean
    JwtDecoder decoder;

    @Test
    void over_the_cap_the_stream_is_a_503_problem_with_retry_after() throws Exception {
        when(stream.subscribe()).thenThrow(new StreamFullException(Duration.ofSeconds(10)));

        mvc.perform(get("/api/v1/stats/stream").accept("text/event-stream").with(TestActor.ANALYST_11.bearer()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "10"))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(503));
    }
}
