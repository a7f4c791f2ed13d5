package vn.childprotection.platform.intake.adapter.in.web;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class AdmissionFilterTest {

    /** The refusal is answered before the filter chain that writes the security headers on every other answer. */
    @Test
    void a_submission_refused_at_capacity_carries_the_security_headers_of_every_answer() throws Exception {
        AdmissionFilter filter = new AdmissionFilter(1, 0, Duration.ZERO, Duration.ofSeconds(5),
                new IntakeMetrics(new SimpleMeterRegistry()));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = Thread.ofVirtual().start(() -> {
            try {
                filter.doFilter(submission(), new MockHttpServletResponse(), new MockFilterChain(new HttpServlet() {
                    @Override
                    protected void service(HttpServletRequest request, HttpServletResponse response) {
                        inside.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

        MockHttpServletResponse refused = new MockHttpServletResponse();
        filter.doFilter(submission(), refused, new MockFilterChain());
        release.countDown();
        holder.join();

        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
        assertThat(refused.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(refused.getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(refused.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
    }

    private static MockHttpServletRequest submission() {
        return new MockHttpServletRequest("POST", AdmissionFilter.PATH);
    }
}
