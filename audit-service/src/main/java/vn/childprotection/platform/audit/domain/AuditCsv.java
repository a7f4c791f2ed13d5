package vn.childprotection.platform.audit.domain;

import vn.childprotection.platform.access.audit.AuditRecord;
import vn.childprotection.platform.contracts.text.CsvField;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/**
 * Audit records as CSV (RFC 4180): a header row, then one row per record with every field of the chain, CRLF line
 * ends, a field quoted when it holds a comma, a quote or a line break (quotes doubled). UTF-8 with a byte-order mark,
 * so that spreadsheet programs open a reason written in Vietnamese intact, as the platform's other exports. A text
 * field starting with {@code = + - @}, a tab or a carriage return is prefixed with an apostrophe, so that a
 * spreadsheet shows it instead of running it as a formula ({@link CsvField}, as every export of the platform); the
 * JSON answer has every value exactly as chained.
 * Written row by row to the caller's output: nothing is held.
 */
public final class AuditCsv {

    public static final String BOM = "\uFEFF";
    public static final List<String> HEADER = List.of("eventId", "occurredAt", "producer", "sequence", "subject",
            "roles", "agency", "unit", "client", "action", "resource", "caseId", "referralId", "notificationId",
            "outcome", "status", "clientAddress", "reason", "previousHash", "hash", "conflicting");

    private final Appendable out;

    private AuditCsv(Appendable out) {
        this.out = out;
    }

    /** Starts a CSV document on {@code out}: the byte-order mark and the header row. */
    public static AuditCsv start(Appendable out) {
        AuditCsv csv = new AuditCsv(out);
        csv.append(BOM);
        csv.row(HEADER);
        return csv;
    }

    public AuditCsv row(StoredRecord stored) {
        AuditRecord r = stored.record();
        return row(Arrays.asList(stored.eventId(), r.at(), r.producer(), r.sequence(), r.subject(), r.roles(),
                r.agency(), r.unit(), r.client(), r.action(), r.resource(), r.caseId(), r.referralId(),
                r.notificationId(), r.outcome(), r.status(), r.clientAddress(), r.reason(), r.previousHash(),
                r.hash(), stored.conflicting()));
    }

    private AuditCsv row(List<?> cells) {
        append(CsvField.row(cells));
        return this;
    }

    static String field(Object value) {
        return CsvField.of(value);
    }

    private void append(CharSequence text) {
        try {
            out.append(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
