package vn.childprotection.platform.referral.application.port.out;

import java.time.Instant;

/**
 * A lease on a periodic job shared by every instance, so that two instances never run it at the same time (the same
 * approach as the outbox relay's claim on a case: one atomic find-and-modify on an owner and an expiry).
 */
public interface JobLease {

    /** Takes (or renews) the lease of {@code job} for {@code owner} until {@code until}, if free or expired. */
    boolean claim(String job, String owner, Instant now, Instant until);

    /** Gives the lease back if {@code owner} still holds it. */
    void release(String job, String owner);
}
