package vn.childprotection.platform.notification.domain;

/**
 * What a channel answers for one delivery (which may have taken several attempts inside the channel). Reasons are
 * codes ({@code NO_FOCAL_POINT}, {@code HTTP_503}), never message text or personal data, because they are stored and
 * shown as {@code lastError} and published on {@code notifications.failed.v1}.
 */
public sealed interface DeliveryOutcome {

    /** Attempts the delivery made (0 when the endpoint was not even tried). */
    int attempts();

    /** The recipient's endpoint accepted the notification. */
    record Delivered(int attempts) implements DeliveryOutcome {
        public Delivered {
            if (attempts < 1) {
                throw new IllegalArgumentException("a delivery takes at least one attempt");
            }
        }

        public Delivered() {
            this(1);
        }
    }

    /**
     * @param reason    a code naming the failure
     * @param retryable true when a later attempt may succeed (the notification stays PENDING); false when the channel
     *                  gave up (retries exhausted, or a failure no retry can mend): the notification becomes FAILED
     * @param attempts  attempts made
     */
    record Failed(String reason, boolean retryable, int attempts) implements DeliveryOutcome {
        public Failed {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a failure needs a reason code");
            }
            if (attempts < 0) {
                throw new IllegalArgumentException("attempts must not be negative");
            }
        }

        public Failed(String reason, boolean retryable) {
            this(reason, retryable, 1);
        }
    }

    /**
     * The endpoint was not tried: its circuit is open or its gateway's rate is used up. The notification stays
     * PENDING with its attempts unchanged and is offered again later.
     */
    record Deferred(String reason) implements DeliveryOutcome {
        public Deferred {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a deferral needs a reason code");
            }
        }

        @Override
        public int attempts() {
            return 0;
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
