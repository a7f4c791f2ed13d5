package vn.childprotection.platform.notification.adapter.out.channel;

import vn.childprotection.platform.notification.domain.DeliveryOutcome;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;

/** How an HTTP answer or error of an agency endpoint or gateway becomes a {@link DeliveryOutcome} (codes only). */
final class HttpOutcomes {

    private HttpOutcomes() {
    }

    static DeliveryOutcome ofStatus(int status) {
        if (status >= 200 && status < 300) {
            return new DeliveryOutcome.Delivered();
        }
        // 408 and 429 and every 5xx may pass; any other 4xx is the request's fault and will not mend by itself
        boolean retryable = status >= 500 || status == 408 || status == 429;
        return new DeliveryOutcome.Failed("HTTP_" + status, retryable);
    }

    static DeliveryOutcome ofError(IOException error) {
        if (error instanceof HttpTimeoutException) {
            return new DeliveryOutcome.Failed("TIMEOUT", true);
        }
        if (error instanceof ConnectException) {
            return new DeliveryOutcome.Failed("CONNECTION_REFUSED", true);
        }
        return new DeliveryOutcome.Failed("IO_ERROR", true);
    }
}
