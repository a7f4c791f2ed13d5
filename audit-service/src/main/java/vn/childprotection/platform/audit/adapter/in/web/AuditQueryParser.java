package vn.childprotection.platform.audit.adapter.in.web;

import vn.childprotection.platform.access.audit.AuditRecord;
import vn.childprotection.platform.audit.domain.AuditFilter;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the trail's query parameters, naming every bad one at once; a blank parameter counts as absent.
 *
 * @param maxPageSize records per page at most
 * @param maxOffset   records skipped at most ({@code page × size}): deeper pages are refused, a narrower period or
 *                    the CSV export reaches those records
 */
record AuditQueryParser(int maxPageSize, long maxOffset) {

    static final int DEFAULT_PAGE_SIZE = 50;
    /** As {@code caseId} is written on every topic. */
    static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** As the audit schema writes {@code action}: an operation name or AUTHENTICATE. */
    static final Pattern ACTION = Pattern.compile("[A-Z][A-Z_]{1,60}");
    static final int MAX_SUBJECT = 255;
    static final int MAX_PRODUCER = 100;

    /** What an auditor asked: the filter, the page, and whether as CSV. */
    record Query(AuditFilter filter, int page, int size, boolean csv) {
    }

    Query parse(AuditParams params, String accept) {
        List<InvalidParametersException.FieldError> errors = new ArrayList<>();
        String subject = null;
        if (!blank(params.actor())) {
            subject = params.actor().trim();
            if (subject.length() > MAX_SUBJECT) {
                errors.add(error("actor", "must be a token subject of at most " + MAX_SUBJECT + " characters"));
                subject = null;
            }
        }
        String producer = null;
        if (!blank(params.producer())) {
            producer = params.producer().trim();
            if (producer.length() > MAX_PRODUCER) {
                errors.add(error("producer", "must be a producer id of at most " + MAX_PRODUCER + " characters"));
                producer = null;
            }
        }
        String caseId = code("caseId", blank(params.caseId()) ? null : params.caseId().toLowerCase(Locale.ROOT),
                UUID, "a case id (UUID)", errors);
        String action = code("action", params.action(), ACTION,
                "an operation name such as READ_CASE, or AUTHENTICATE", errors);
        AuditRecord.Outcome outcome = null;
        if (!blank(params.outcome())) {
            try {
                outcome = AuditRecord.Outcome.valueOf(params.outcome().trim());
            } catch (IllegalArgumentException unknown) {
                errors.add(error("outcome", "must be ALLOWED or REFUSED"));
            }
        }
        Instant from = instant("from", params.from(), errors);
        Instant to = instant("to", params.to(), errors);
        if (from != null && to != null && from.isAfter(to)) {
            errors.add(error("from", "must not be after 'to'"));
        }
        int page = integer("page", params.page(), 0, errors);
        int size = integer("size", params.size(), DEFAULT_PAGE_SIZE, errors);
        if (page < 0) {
            errors.add(error("page", "must be 0 or more"));
        }
        if (size < 1 || size > maxPageSize) {
            errors.add(error("size", "must be 1 to " + maxPageSize));
        }
        if (!blank(params.format())
                && !List.of("csv", "json").contains(params.format().trim().toLowerCase(Locale.ROOT))) {
            errors.add(error("format", "must be json or csv"));
        }
        boolean csv = wantsCsv(params, accept);
        if (!csv && page >= 0 && size >= 1 && (long) page * size > maxOffset) {
            errors.add(error("page", "pages reach " + maxOffset + " records at most: narrow the period (from, to) "
                    + "or export it as CSV"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidParametersException(errors);
        }
        return new Query(new AuditFilter(subject, producer, caseId, action, outcome, from, to), page, size, csv);
    }

    /** CSV with {@code format=csv}, or without a format when the Accept header names text/csv. */
    static boolean wantsCsv(AuditParams params, String accept) {
        return blank(params.format()) ? accept != null && accept.contains("text/csv")
                : "csv".equalsIgnoreCase(params.format().trim());
    }

    private static String code(String name, String value, Pattern pattern, String expected,
                               List<InvalidParametersException.FieldError> errors) {
        if (blank(value)) {
            return null;
        }
        String code = value.trim();
        if (!pattern.matcher(code).matches()) {
            errors.add(error(name, "must be " + expected));
            return null;
        }
        return code;
    }

    /** An ISO-8601 instant ({@code 2026-12-07T08:00:00Z}), or a date-time with an offset ({@code …+07:00}). */
    private static Instant instant(String name, String value, List<InvalidParametersException.FieldError> errors) {
        if (blank(value)) {
            return null;
        }
        String text = value.trim();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                errors.add(error(name, "must be an ISO-8601 instant, e.g. 2026-12-07T08:00:00Z"));
                return null;
            }
        }
    }

    private static int integer(String name, String value, int absent,
                               List<InvalidParametersException.FieldError> errors) {
        if (blank(value)) {
            return absent;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            errors.add(error(name, "must be a whole number"));
            return absent;
        }
    }

    static InvalidParametersException.FieldError error(String field, String message) {
        return new InvalidParametersException.FieldError(field, message);
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
