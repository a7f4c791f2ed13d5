package vn.childprotection.platform.reporting.application;

/** Every slot for a computation of figures is taken ({@code reporting.stats.concurrent-selections}): ask again. */
public final class StatsBusyException extends RuntimeException {

    public StatsBusyException() {
        super("figures are being computed for other requests");
    }
}
