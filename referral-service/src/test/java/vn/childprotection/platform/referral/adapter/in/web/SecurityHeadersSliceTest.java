package vn.childprotection.platform.referral.adapter.in.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import vn.childprotection.platform.referral.application.port.in.ErasePersonalDataUseCase;
import vn.childprotection.platform.referral.application.port.in.ReadCasesUseCase;
import vn.childprotection.platform.referral.application.port.in.RespondToReferralUseCase;
import vn.childprotection.platform.support.audit.AuditTrail;
import vn.childprotection.platform.support.security.ApiSecurityConfiguration;
import vn.childprotection.platform.testsupport.identity.TestActor;

import java.util.Optional;
import java.util.UUID;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every answer of the service carries the security headers of service-support's filter chain: a JSON answer, a
 * refusal, a problem and a 413 alike a Content-Security-Policy that loads, runs and frames nothing, nosniff, no framing
 * and no referrer; the API documents' pages a policy of their own that still allows only the service's own resources.
 */
@WebMvcTest(controllers = {ReferralController.class, CaseController.class})
@Import(ApiSecurityConfiguration.class)
@ImportAutoConfiguration(SecurityFilterAutoConfiguration.class) // the filter chain's place among the filters, as at run time
class SecurityHeadersSliceTest {

    private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

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
    ErasePersonalDataUseCase erasure;
    @MockitoBean
    AuditTrail audit;
    @MockitoBean
    JwtDecoder decoder;

    @Test
    void json_answers_problems_refusals_and_413s_carry_the_security_headers() throws Exception {
        when(referrals.referral(any())).thenReturn(Optional.empty());
        String referral = "/api/v1/referrals/" + UUID.randomUUID();

        apiHeaders(mvc.perform(get(referral).with(TestActor.POLICE_11.bearer())).andExpect(status().isNotFound()));
        apiHeaders(mvc.perform(get(referral)).andExpect(status().isUnauthorized()));
        apiHeaders(mvc.perform(post(referral + "/responses").with(TestActor.POLICE_11.bearer())
                        .contentType(MediaType.APPLICATION_JSON).content("x".repeat(65 * 1024)))
                .andExpect(status().isContentTooLarge()));
    }

    @Test
    void the_api_documents_pages_get_a_policy_that_allows_only_the_services_own_resources() throws Exception {
        mvc.perform(get("/swagger-ui/index.html"))
                .andExpect(header().string("Content-Security-Policy",
                        org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.startsWith("default-src 'none'; script-src 'self';"),
                                org.hamcrest.Matchers.containsString("frame-ancestors 'none'"))))
                .andExpect(header().string("X-Frame-Options", "DENY"));
    }

    private static void apiHeaders(ResultActions answer) throws Exception {
        answer.andExpect(header().string("Content-Security-Policy", API_POLICY))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Referrer-Policy", "no-referrer"));
    }
}
