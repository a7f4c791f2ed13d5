package vn.childprotection.platform.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.DispatcherServlet;
import vn.childprotection.platform.contracts.text.LogText;

import java.io.IOException;

/**
 * One line for every request a controller or its advice answered with a client error (4xx): the status, the method,
 * the path and the kind of error — never a stack trace (nothing is wrong with the service), never the error's
 * message (a JSON reader's message quotes the body, which may hold personal data), and the method and path, which
 * the caller chose, neutralised ({@link LogText}), so that no caller can write its own lines into the log. Refusals
 * of the filter chain (401, 403) are not repeated here: they are audit records. Server errors (5xx) are logged, with
 * their stack trace, where they are answered.
 */
public final class ClientErrorLog extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ClientErrorLog.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        int status = response.getStatus();
        if (status >= 400 && status < 500
                && request.getAttribute(DispatcherServlet.EXCEPTION_ATTRIBUTE) instanceof Throwable answered) {
            log(status, request, answered);
        }
    }

    static void log(int status, HttpServletRequest request, Throwable answered) {
        log.info("{} {} {}: {}", status, LogText.of(request.getMethod()), LogText.of(request.getRequestURI()),
                answered.getClass().getSimpleName());
    }
}
