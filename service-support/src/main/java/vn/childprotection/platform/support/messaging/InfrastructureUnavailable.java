package vn.childprotection.platform.support.messaging;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteConcernException;
import org.springframework.dao.DataAccessResourceFailureException;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Whether a failure means the store or the broker cannot serve right now (as opposed to a message that cannot be
 * handled): a socket error or time-out of the MongoDB driver, a server that is shutting down, recovering or not
 * primary, Spring's translation of those, a Kafka time-out, or an exception of ours marked {@link Marker}. Such a
 * failure is waited out, never dead-lettered: the message is fine, the infrastructure is not.
 */
public final class InfrastructureUnavailable {

    /** An exception of ours that stands for an unavailable store or broker (its cause may be left out on purpose). */
    public interface Marker {
    }

    /**
     * Server error codes that mean "cannot serve now": HostUnreachable 6, HostNotFound 7, NetworkTimeout 89,
     * ShutdownInProgress 91, PrimarySteppedDown 189, NotWritablePrimary 10107, InterruptedAtShutdown 11600,
     * InterruptedDueToReplStateChange 11602, NotPrimaryNoSecondaryOk 13435, NotPrimaryOrSecondary 13436.
     */
    static final Set<Integer> UNAVAILABLE_CODES = Set.of(6, 7, 89, 91, 189, 10107, 11600, 11602, 13435, 13436);

    private InfrastructureUnavailable() {
    }

    /** {@code true} when the failure, or one of its causes, says the store or the broker cannot serve now. */
    public static boolean test(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof Marker
                    || t instanceof MongoSocketException
                    || t instanceof MongoTimeoutException
                    || t instanceof MongoNotPrimaryException
                    || t instanceof MongoNodeIsRecoveringException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof org.apache.kafka.common.errors.TimeoutException
                    || t instanceof MongoWriteConcernException concern
                    && UNAVAILABLE_CODES.contains(concern.getWriteConcernError().getCode())
                    || t instanceof MongoCommandException command && UNAVAILABLE_CODES.contains(command.getErrorCode())) {
                return true;
            }
        }
        return false;
    }
}
