package vn.childprotection.platform.reporting.application.port.out;

/**
 * A stored fact with the store's revision of it: writes are compare-and-set on the revision, so two deliveries of
 * events of one entity racing each other (a partition rebalance) cannot lose an update.
 */
public record Revisioned<F>(F value, long revision) {
}
