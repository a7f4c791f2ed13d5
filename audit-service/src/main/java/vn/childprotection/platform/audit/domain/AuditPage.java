package vn.childprotection.platform.audit.domain;

import java.util.List;

/**
 * One page of audit records, newest first.
 *
 * @param items the records of the page
 * @param page  zero-based page number
 * @param size  records per page asked for
 * @param total records the filter selects
 */
public record AuditPage(List<StoredRecord> items, int page, int size, long total) {

    public AuditPage {
        items = List.copyOf(items);
    }
}
