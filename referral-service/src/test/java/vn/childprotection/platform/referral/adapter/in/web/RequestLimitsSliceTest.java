package vn.childprotection.platform.referral.adapter.in.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.childprotection.platform.referral.application.port.in.ErasePersonalDataUseCase;
import vn.childprotection.platform.referral.application.port.in.ReadCasesUseCase;
import vn.childprotection.platform.referral.application.port.in.RespondToReferralUseCase;
import vn.childprotection.platform.support.audit.AuditTrail;
import vn.childprotection.platform.support.security.ApiSecurityConfiguration;
import vn.childprotection.platform.testsupport.identity.TestActor;

import java.util.UUID;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of referral-service that takes a body bounds it (service-support's request limits): a body over
 * 64 KB is a 413 problem before the controller sees it; JSON nested deeper than 16 levels is a 400 problem that says
 * so, whether the endpoint reads its body itself (agency responses) or through Spring's reader (reveal, preview);
 * never a 500. Each client error is one log line without a stack trace.
 */
@WebMvcTest(controllers = {ReferralController.class, CaseController.class})
@Import(ApiSecurityConfiguration.class)
@ImportAutoConfiguration(SecurityFilterAutoConfiguration.class) // the filter chain's place among the filters, as at run time
@ExtendWith(OutputCaptureExtension.class)
class RequestLimitsSliceTest {

    private static final String REFERRAL = "/api/v1/referrals/" + UUID.randomUUID() + "/responses";
    private static final String REVEAL = "/api/v1/cases/" + UUID.randomUUID() + "/informant-reveal";
    private static final String PREVIEW = "/api/v1/routing/preview";

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
    void a_body_over_the_limit_is_413_as_a_problem_on_every_endpoint_that_takes_one() throws Exception {
        String large = "{\"reason\":\"" + "x".repeat(70 * 1024) + "\"}";
        for (MockHttpServletRequestBuilder request : new MockHttpServletRequestBuilder[]{
                post(REFERRAL).with(TestActor.POLICE_11.bearer()),
                post(REVEAL).with(TestActor.COORDINATOR_11.bearer()),
                post(PREVIEW).with(TestActor.OPERATOR_111.bearer())}) {
            mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content(large))
                    .andExpect(status().isContentTooLarge())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.status").value(413));
        }
        verifyNoInteractions(referrals, cases);
    }

    @Test
    void a_caller_without_a_token_is_refused_before_its_body_is_looked_at() throws Exception {
        mvc.perform(post(REFERRAL).contentType(MediaType.APPLICATION_JSON).content("x".repeat(70 * 1024)))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void json_nested_too_deep_is_a_400_problem_that_names_the_depth(CapturedOutput output) throws Exception {
        String deep = "{\"extra\":" + "[".repeat(40) + "]".repeat(40) + "}";
        for (MockHttpServletRequestBuilder request : new MockHttpServletRequestBuilder[]{
                post(REFERRAL).with(TestActor.POLICE_11.bearer()),
                post(REVEAL).with(TestActor.COORDINATOR_11.bearer()),
                post(PREVIEW).with(TestActor.OPERATOR_111.bearer())}) {
            mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content(deep))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.errors[0].field").value("body"))
                    .andExpect(jsonPath("$.errors[0].message").value("nests deeper than 16 levels of objects and arrays"));
        }
        verify(referrals, never()).respond(any(), any());
        verifyNoInteractions(cases);
        assertThat(output.getOut()).contains("400 POST " + PREVIEW + ": HttpMessageNotReadableException")
                .doesNotContain("\tat ");
    }

    @Test
    void a_body_that_is_not_json_is_a_400_problem_logged_in_one_line_without_its_content(CapturedOutput output)
            throws Exception {
        mvc.perform(post(REVEAL).with(TestActor.COORDINATOR_11.bearer()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": Nguyễn Thị Hoa}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("body"));

        assertThat(output.getOut()).contains("400 POST " + REVEAL + ": HttpMessageNotReadableException")
                .doesNotContain("Nguyễn").doesNotContain("\tat ");
    }
}
