package vn.childprotection.platform.audit.application;

import vn.childprotection.platform.audit.application.port.out.AuditStore;
import vn.childprotection.platform.audit.domain.AuditFilter;
import vn.childprotection.platform.audit.domain.AuditPage;
import vn.childprotection.platform.audit.domain.StoredRecord;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** What an auditor reads: a page of the trail, or all of a selection as an export, newest first. */
public final class AuditQueries {

    private final AuditStore store;
    private final long maxExportRows;

    /** @param maxExportRows records one export may hold at most; a larger selection is refused, not cut */
    public AuditQueries(AuditStore store, long maxExportRows) {
        if (maxExportRows < 1) {
            throw new IllegalArgumentException("an export holds at least one record");
        }
        this.store = store;
        this.maxExportRows = maxExportRows;
    }

    public AuditPage page(AuditFilter filter, int page, int size) {
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page 0 or more, size 1 or more");
        }
        long total = store.count(filter);
        long offset = (long) page * size;
        return new AuditPage(offset >= total ? List.of() : store.find(filter, offset, size), page, size,
                total);
    }

    /**
     * Checks that the selection fits one export and returns it, to be written with {@link Export#writeTo} after the
     * caller has recorded the export.
     *
     * @throws TooManyRecordsException when the filter selects more than an export may hold
     */
    public Export export(AuditFilter filter) {
        long selected = store.count(filter);
        if (selected > maxExportRows) {
            throw new TooManyRecordsException(selected, maxExportRows);
        }
        return new Export(filter);
    }

    /** A selection that fits one export. */
    public final class Export {
        private final AuditFilter filter;

        private Export(AuditFilter filter) {
            this.filter = filter;
        }

        /**
         * Hands every selected record to {@code sink}, newest first, reading them as they are written (records
         * stored after the check are included up to the limit).
         *
         * @return records written
         */
        public long writeTo(Consumer<StoredRecord> sink) {
            long written = 0;
            try (Stream<StoredRecord> records = store.stream(filter, maxExportRows)) {
                for (var it = records.iterator(); it.hasNext(); ) {
                    sink.accept(it.next());
                    written++;
                }
            }
            return written;
        }
    }
}
