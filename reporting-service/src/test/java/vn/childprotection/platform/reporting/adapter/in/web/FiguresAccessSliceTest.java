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
import vn.childprotection.platform.access.audit.AuditRecord;
import vn.childprotection.platform.reporting.application.StatsService;
import vn.childprotection.platform.reporting.domain.Areas;
import vn.childprotection.platform.reporting.fixtures.ShippedMaps;
import vn.childprotection.platform.support.audit.AuditTrail;
import vn.childprotection.platform.support.security.ApiSecurityConfiguration;
import vn.childprotection.platform.testsupport.identity.TestActor;

import java.util.List;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The figures' access decisions in a web slice, with spring-security-test's JWT support: 401 without a token, 403 for
 * a role that may never (an officer; an analyst asking for referral ids), the figures narrowed to the caller's
 * province when it names none, 404 for another province, and a read of ids recorded before the answer.
 */
@WebMvcTest(controllers = StatsController.class)
@Import(ApiSecurityConfiguration.class)
class FiguresAccessSliceTest {

    /** The slice brings Spring MVC; the service's own filter chain needs web security switched on beside it. */
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
    void without_a_token_401_and_an_officer_403_before_anything_is_computed() throws Exception {
        mvc.perform(get("/api/v1/stats/overview")).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/v1/stats/overview").with(TestActor.POLICE_11.bearer())).andExpect(status().isForbidden());
        verify(stats, never()).overview(any());
    }

    @Test
    void an_analyst_who_names_no_province_gets_its_own_and_another_province_is_404() throws Exception {
        mvc.perform(get("/api/v1/stats/overview").with(TestActor.ANALYST_11.bearer())).andExpect(status().isOk());
        mvc.perform(get("/api/v1/stats/overview?province=01").with(TestActor.ANALYST_11.bearer()))
                .andExpect(status().isNotFound());

        verify(stats).overview(argThat(filter -> "11".equals(filter.province())));
        verify(stats, never()).overview(argThat(filter -> "01".equals(filter.province())));
        verify(audit).record(argThat(record -> record.outcome() == AuditRecord.Outcome.REFUSED
                && record.status() == 404 && "READ_FIGURES".equals(record.action())));
    }

    @Test
    void referral_ids_are_for_coordinators_and_their_read_is_recorded() throws Exception {
        when(stats.overdue(any())).thenReturn(List.of());

        mvc.perform(get("/api/v1/stats/overdue").with(TestActor.ANALYST_11.bearer())).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/stats/overdue").with(TestActor.COORDINATOR_11.bearer())).andExpect(status().isOk());

        verify(stats).overdue(argThat(filter -> "11".equals(filter.province())));
        verify(audit).record(argThat(record -> record.outcome() == AuditRecord.Outcome.ALLOWED
                && "READ_OVERDUE".equals(record.action()) && "subject-coordinator-11".equals(record.subject())));
    }
}
