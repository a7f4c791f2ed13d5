package vn.childprotection.platform.support.security;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The headers every answer of a service carries (written by the filter chain, {@link ApiSecurityConfiguration}):
 * a Content-Security-Policy that lets a JSON answer load, run and frame nothing ({@link #API_POLICY}),
 * {@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY} and {@code Referrer-Policy: no-referrer}.
 * The API documents' pages (Swagger UI) get {@link #DOCS_POLICY}; a printable HTML document a service renders itself
 * {@link #DOCUMENT_POLICY}. A filter that answers before the chain writes them with {@link #write}.
 */
public final class SecurityHeaders {

    /** JSON, CSV and event streams: nothing to load, nothing to run, no framing. */
    public static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    /**
     * Swagger UI: its own scripts, styles and images (the style attributes and the data: icons it draws with) and
     * calls to the API document; nothing from elsewhere, no framing.
     */
    public static final String DOCS_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";
    /**
     * A page a service serves from its own resources ({@code platform.security.pages}): its own scripts, styles (and the style
     * properties its charts set), images, fonts and calls to its own API and event stream; nothing from elsewhere,
     * no inline script, no framing.
     */
    public static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";
    /** A printable document (a periodic report): its own inline styles, no script, nothing loaded, no framing. */
    public static final String DOCUMENT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox";

    private SecurityHeaders() {
    }

    /** The headers of a JSON answer, for a filter that answers before the filter chain writes them. */
    public static void write(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", API_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
    }
}
