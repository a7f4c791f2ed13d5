package vn.childprotection.platform.support.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.DispatcherServlet;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class ClientErrorLogTest {

    @Test
    void a_client_error_is_one_line_without_a_stack_trace_and_the_callers_text_cannot_forge_a_line(
            CapturedOutput output) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET",
                "/api/v1/cases/x\r\n2026-01-01 ERROR forged\u001b[2J");

        new ClientErrorLog().doFilter(request, new MockHttpServletResponse(), new MockFilterChain(
                answering(400, new IllegalArgumentException("Nguyễn Thị Hoa is not a case id"))));

        String line = output.getOut().lines().filter(l -> l.contains("ClientErrorLog")).findFirst().orElseThrow();
        assertThat(line).contains("400 GET /api/v1/cases/x__2026-01-01 ERROR forged_[2J: IllegalArgumentException");
        assertThat(output.getOut()).doesNotContain("\n2026-01-01 ERROR forged").doesNotContain("\tat ")
                .doesNotContain("Nguyễn");
    }

    @Test
    void answers_that_are_not_client_errors_of_a_controller_are_not_logged_here(CapturedOutput output)
            throws Exception {
        new ClientErrorLog().doFilter(new MockHttpServletRequest("GET", "/api/v1/cases"),
                new MockHttpServletResponse(), new MockFilterChain(answering(500, new IllegalStateException("x"))));
        new ClientErrorLog().doFilter(new MockHttpServletRequest("GET", "/api/v1/cases"),
                new MockHttpServletResponse(), new MockFilterChain(answering(401, null)));

        assertThat(output.getOut()).doesNotContain("ClientErrorLog");
    }

    /** A servlet that answers {@code status}, as the dispatcher does when an advice answered {@code error}. */
    private static HttpServlet answering(int status, Exception error) {
        return new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) {
                if (error != null) {
                    request.setAttribute(DispatcherServlet.EXCEPTION_ATTRIBUTE, error);
                }
                response.setStatus(status);
            }
        };
    }
}
