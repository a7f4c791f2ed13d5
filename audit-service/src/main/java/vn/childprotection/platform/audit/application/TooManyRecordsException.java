package vn.childprotection.platform.audit.application;

/** An export would hold more records than one export may ({@code audit.export.max-rows}): narrow it. */
public final class TooManyRecordsException extends RuntimeException {

    private final long selected;
    private final long maxRows;

    public TooManyRecordsException(long selected, long maxRows) {
        super("the export selects " + selected + " records, more than " + maxRows);
        this.selected = selected;
        this.maxRows = maxRows;
    }

    public long selected() {
        return selected;
    }

    public long maxRows() {
        return maxRows;
    }
}
