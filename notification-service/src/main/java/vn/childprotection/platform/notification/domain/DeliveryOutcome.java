package vn.childprotection.platform.notification.domain;

/**
 * What a channel answers for one delivery attempt. Reasons are codes ({@code NO_FOCAL_POINT}, {@code HTTP_503}),
 * never message text or personal data, because they are stored and shown as {@code lastError}.
 */
public sealed interface DeliveryOutcome {

    record Delivered() implements DeliveryOutcome {
    }

    /**
     * @param reason    a code naming the failure
     * @param retryable true when a later attempt may succeed (the notification stays PENDING)
     */
    record Failed(String reason, boolean retryable) implements DeliveryOutcome {
        public Failed {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a failure needs a reason code");
            }
        }
    }

    static DeliveryOutcome delivered() {
        return new Delivered();
    }

    static DeliveryOutcome failedPermanently(String reason) {
        return new Failed(reason, false);
    }

    static DeliveryOutcome failedTransiently(String reason) {
        return new Failed(reason, true);
    }
}
