package vn.childprotection.platform.referral.adapter.in.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import vn.childprotection.platform.access.QueryScope;
import vn.childprotection.platform.access.audit.AuditRecord;
import vn.childprotection.platform.contracts.Agencies;
import vn.childprotection.platform.referral.application.port.in.ReadCasesUseCase;
import vn.childprotection.platform.referral.application.port.in.RespondToReferralUseCase;
import vn.childprotection.platform.referral.application.port.out.CaseRepository;
import vn.childprotection.platform.referral.domain.Case;
import vn.childprotection.platform.referral.domain.CaseOpening;
import vn.childprotection.platform.referral.domain.ListPage;
import vn.childprotection.platform.referral.domain.Referral;
import vn.childprotection.platform.support.audit.AuditTrail;
import vn.childprotection.platform.support.security.ApiSecurityConfiguration;
import vn.childprotection.platform.testsupport.identity.TestActor;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.childprotection.platform.referral.fixtures.ReportFixtures.CHILD_NAME;
import static vn.childprotection.platform.referral.fixtures.ReportFixtures.report;
import static vn.childprotection.platform.referral.fixtures.RoutingFixtures.shippedRouting;

/**
 * The referral endpoints' access decisions in a web slice, with spring-security-test's JWT support (the token's
 * claims as the realm's mappers write them): 401 without a token, 403 for a role that may never, 404 out of scope
 * (the answer of a referral that does not exist), 200 in scope, and lists asked of the store with the caller's scope.
 */
@WebMvcTest(controllers = ReferralController.class)
@Import(ApiSecurityConfiguration.class)
class ReferralAccessSliceTest {

    private static final Case OPENED = ((CaseOpening.Opened) Case.open(report().build(), shippedRouting(),
            Instant.parse("2026-11-20T02:20:00Z"))).opened();
    private static final Referral POLICE = OPENED.referrals().stream()
            .filter(r -> r.agency().equals(Agencies.POLICE)).findFirst().orElseThrow();

    /** The slice brings Spring MVC; the service's own filter chain needs web security switched on beside it. */
    @TestConfiguration(proxyBeanMethods = false)
    @EnableWebSecurity
    static class WebSecurity {
    }

    @Autowired
    MockMvc mvc;
    @MockitoBean
    RespondToReferralUseCase referrals;
    @MockitoBean
    ReadCasesUseCase cases;
    @MockitoBean
    AuditTrail audit;
    @MockitoBean
    JwtDecoder decoder;

    @Test
    void without_a_token_the_answer_is_401_as_a_problem() throws Exception {
        mvc.perform(get("/api/v1/referrals/" + POLICE.referralId()))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        verify(referrals, never()).referral(any());
    }

    @Test
    void a_role_that_may_never_read_a_referral_gets_403_and_nothing_is_looked_up() throws Exception {
        mvc.perform(get("/api/v1/referrals/" + POLICE.referralId()).with(TestActor.ANALYST_11.bearer()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        verify(referrals, never()).referral(any());
        verify(audit).record(argThat(record -> record.outcome() == AuditRecord.Outcome.REFUSED
                && record.status() == 403 && "READ_REFERRAL".equals(record.action())));
    }

    @Test
    void another_provinces_officer_gets_the_404_of_a_referral_that_does_not_exist() throws Exception {
        when(referrals.referral(POLICE.referralId()))
                .thenReturn(Optional.of(new RespondToReferralUseCase.ReferralView(OPENED, POLICE)));

        String hidden = mvc.perform(get("/api/v1/referrals/" + POLICE.referralId()).with(TestActor.POLICE_01.bearer()))
                .andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();

        assertThat(hidden).doesNotContain(CHILD_NAME).contains("Referral not found");
        verify(audit).record(argThat(record -> record.outcome() == AuditRecord.Outcome.REFUSED
                && record.status() == 404 && POLICE.referralId().equals(record.referralId())));
    }

    @Test
    void the_officer_of_the_unit_above_reads_the_referral_with_what_it_needs_to_act() throws Exception {
        when(referrals.referral(POLICE.referralId()))
                .thenReturn(Optional.of(new RespondToReferralUseCase.ReferralView(OPENED, POLICE)));

        mvc.perform(get("/api/v1/referrals/" + POLICE.referralId()).with(TestActor.POLICE_11.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.brief.child.fullName").value(CHILD_NAME))
                .andExpect(jsonPath("$.referral.unitId").value(POLICE.unitId()));
        verify(audit).record(argThat(record -> record.outcome() == AuditRecord.Outcome.ALLOWED
                && "subject-police-11".equals(record.subject()) && OPENED.caseId().equals(record.caseId())));
    }

    @Test
    void a_list_is_asked_of_the_store_with_the_callers_scope_and_answers_only_what_it_gives() throws Exception {
        when(cases.listReferrals(any(), any(), anyInt(), anyInt())).thenReturn(new ListPage<>(
                List.of(new CaseRepository.ScopedReferral(OPENED, POLICE)), 0, 50, 1));

        mvc.perform(get("/api/v1/referrals").with(TestActor.POLICE_11.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].referralId").value(POLICE.referralId()))
                .andExpect(jsonPath("$.items[0].brief").doesNotExist());
        mvc.perform(get("/api/v1/referrals").with(TestActor.POLICE_11_SYSTEM.bearer()));
        mvc.perform(get("/api/v1/referrals").with(TestActor.COORDINATOR_11.bearer()));

        verify(cases).listReferrals(eq(new QueryScope.AgencyUnits(Agencies.POLICE, "11", Set.of())), eq(null),
                eq(0), eq(50));
        verify(cases).listReferrals(eq(new QueryScope.AgencyUnits(Agencies.POLICE, null, Set.of("11"))),
                eq(null), eq(0), eq(50));
        verify(cases).listReferrals(eq(new QueryScope.Provinces(Set.of("11"))), eq(null), eq(0), eq(50));
    }

    @Test
    void an_operator_may_not_list_referrals() throws Exception {
        mvc.perform(get("/api/v1/referrals").with(TestActor.OPERATOR_111.bearer()))
                .andExpect(status().isForbidden());
        verify(cases, never()).listReferrals(any(), any(), anyInt(), anyInt());
    }
}
