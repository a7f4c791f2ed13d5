package vn.childprotection.platform.support.web;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class BodySizeLimitTest {

    private final BodySizeLimit limit = new BodySizeLimit(1024);

    @Test
    void a_declared_length_over_the_limit_is_a_413_problem_and_nothing_is_read_or_handed_on() throws Exception {
        MockHttpServletRequest request = withLength(post(""), 1025);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        limit.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"status\":413", "at most 1024 bytes");
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void a_chunked_body_that_goes_over_the_limit_is_a_413_problem() throws Exception {
        MockHttpServletRequest request = withLength(post("x".repeat(5000)), -1);
        request.addHeader("Transfer-Encoding", "chunked");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        limit.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void a_body_within_the_limit_reaches_the_handler_whole() throws Exception {
        String body = "{\"reason\":\"" + "é".repeat(400) + "\"}";
        MockHttpServletRequest request = withLength(post(body), -1);
        request.addHeader("Transfer-Encoding", "chunked");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        limit.doFilter(request, response, chain);

        HttpServletRequest handed = (HttpServletRequest) chain.getRequest();
        assertThat(new String(handed.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(body);
        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void a_request_without_a_body_passes_untouched() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/cases");
        MockFilterChain chain = new MockFilterChain();

        limit.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isSameAs(request);
    }

    private static MockHttpServletRequest post(String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/things");
        request.setContentType("application/json");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }

    /** The request with the Content-Length a client declared (-1: none, as a chunked body). */
    private static MockHttpServletRequest withLength(MockHttpServletRequest request, long length) {
        MockHttpServletRequest declared = new MockHttpServletRequest("POST", request.getRequestURI()) {
            @Override
            public long getContentLengthLong() {
                return length;
            }

            @Override
            public int getContentLength() {
                return (int) length;
            }
        };
        declared.setContentType(request.getContentType());
        declared.setContent(request.getContentAsByteArray());
        request.getHeaderNames().asIterator().forEachRemaining(name -> declared.addHeader(name,
                request.getHeader(name)));
        return declared;
    }
}
