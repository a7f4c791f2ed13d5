package vn.childprotection.platform.reporting.adapter.in.web;

import java.time.Duration;

/** Every place of the live stream is taken: answered 503 with Retry-After. */
public class StreamFullException extends RuntimeException {

    private final Duration retryAfter;

    public StreamFullException(Duration retryAfter) {
        super("every place of the live stream is taken", null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
