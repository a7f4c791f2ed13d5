package vn.childprotection.platform.referral.application.port.in;

/** The deadline watchdog (S0 Art 5.4; Decree 56/2017 Art 26.3, 28.1). */
public interface WatchDeadlinesUseCase {

    /**
     * One pass: if this instance holds the watchdog's lease, raises {@code ReferralOverdue} for every deadline stage
     * due. Returns how many were raised (0 when another instance holds the lease).
     */
    int runOnce();
}
