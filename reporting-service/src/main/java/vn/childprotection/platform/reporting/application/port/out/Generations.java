package vn.childprotection.platform.reporting.application.port.out;

import vn.childprotection.platform.reporting.application.RebuildStatus;

import java.util.Optional;

/** The pointer naming the active generation of facts, and the record of the latest rebuild. */
public interface Generations {

    /** The active generation; the first call on an empty store makes generation 1 active. */
    long active();

    /** Points at {@code generation} in one single-document write (atomic for every reader). */
    void activate(long generation);

    void saveRebuild(RebuildStatus status);

    Optional<RebuildStatus> latestRebuild();
}
