package vn.childprotection.platform.intake.adapter.in.web;

import tools.jackson.databind.JsonNode;
import vn.childprotection.platform.contracts.Channel;
import vn.childprotection.platform.contracts.Child;
import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.ContactType;
import vn.childprotection.platform.contracts.Location;
import vn.childprotection.platform.contracts.Reporter;
import vn.childprotection.platform.contracts.ReporterRelationship;
import vn.childprotection.platform.contracts.Severity;
import vn.childprotection.platform.contracts.Sex;
import vn.childprotection.platform.intake.domain.ReportDraft;
import vn.childprotection.platform.intake.domain.Violation;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reads a report from its JSON tree field by field, so that every field of the wrong type, with an unknown code or
 * not part of a report is named at once (a data binder stops at the first). Rejected values are never echoed.
 */
final class ReportReader {

    private static final Set<String> REPORT_FIELDS = Set.of("reportId", "receivedAt", "channel", "contactType",
            "concerns", "severity", "location", "child", "reporter", "narrative");
    private static final Set<String> LOCATION_FIELDS = Set.of("provinceCode", "districtCode", "communeCode");
    private static final Set<String> CHILD_FIELDS = Set.of("fullName", "sex", "ageYears");
    private static final Set<String> REPORTER_FIELDS = Set.of("fullName", "phone", "relationship", "anonymous",
            "wantsFeedback");

    private final List<Violation> violations = new ArrayList<>();
    private final Set<String> rejected = new LinkedHashSet<>();

    record Read(ReportDraft draft, List<Violation> violations, Set<String> rejectedFields) {
    }

    static Read read(JsonNode root) {
        ReportReader reader = new ReportReader();
        if (root == null || !root.isObject()) {
            reader.reject("$", "must be a JSON object");
            return new Read(null, reader.violations, reader.rejected);
        }
        return new Read(reader.draft(root), List.copyOf(reader.violations), Set.copyOf(reader.rejected));
    }

    private ReportDraft draft(JsonNode root) {
        unknownFields(root, "", REPORT_FIELDS);
        return new ReportDraft(
                uuid(root, "reportId"),
                offsetDateTime(root, "receivedAt"),
                code(root, "channel", "channel", Channel.class),
                code(root, "contactType", "contactType", ContactType.class),
                concerns(root),
                code(root, "severity", "severity", Severity.class),
                location(root.get("location")),
                child(root.get("child")),
                reporter(root.get("reporter")),
                text(root, "narrative", "narrative"));
    }

    private Location location(JsonNode node) {
        if (!object(node, "location")) {
            return null;
        }
        unknownFields(node, "location.", LOCATION_FIELDS);
        return new Location(text(node, "provinceCode", "location.provinceCode"),
                text(node, "districtCode", "location.districtCode"),
                text(node, "communeCode", "location.communeCode"));
    }

    private Child child(JsonNode node) {
        if (!object(node, "child")) {
            return null;
        }
        unknownFields(node, "child.", CHILD_FIELDS);
        return new Child(text(node, "fullName", "child.fullName"), code(node, "sex", "child.sex", Sex.class),
                integer(node, "ageYears", "child.ageYears"));
    }

    private Reporter reporter(JsonNode node) {
        if (!object(node, "reporter")) {
            return null;
        }
        unknownFields(node, "reporter.", REPORTER_FIELDS);
        String fullName = text(node, "fullName", "reporter.fullName");
        String phone = text(node, "phone", "reporter.phone");
        ReporterRelationship relationship = code(node, "relationship", "reporter.relationship",
                ReporterRelationship.class);
        Boolean anonymous = requiredBoolean(node, "anonymous", "reporter.anonymous");
        Boolean wantsFeedback = requiredBoolean(node, "wantsFeedback", "reporter.wantsFeedback");
        return new Reporter(fullName, phone, relationship, Boolean.TRUE.equals(anonymous),
                Boolean.TRUE.equals(wantsFeedback));
    }

    private List<Concern> concerns(JsonNode root) {
        JsonNode node = root.get("concerns");
        if (absent(node)) {
            return null;
        }
        if (!node.isArray()) {
            reject("concerns", "must be an array of concern codes");
            return null;
        }
        List<Concern> concerns = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            Concern concern = codeOf(node.get(i), "concerns[" + i + "]", Concern.class);
            if (concern != null) {
                concerns.add(concern);
            } else if (absent(node.get(i))) {
                reject("concerns[" + i + "]", "must be a concern code");
            }
        }
        if (concerns.size() < node.size()) {
            rejected.add("concerns");
            return null;
        }
        return concerns;
    }

    private boolean object(JsonNode node, String path) {
        if (absent(node)) {
            return false;
        }
        if (!node.isObject()) {
            reject(path, "must be an object");
            return false;
        }
        return true;
    }

    private String text(JsonNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        if (absent(node)) {
            return null;
        }
        if (!node.isString()) {
            reject(path, "must be a string");
            return null;
        }
        return node.asString();
    }

    private UUID uuid(JsonNode parent, String name) {
        String value = text(parent, name, name);
        if (value == null) {
            return null;
        }
        try {
            UUID uuid = UUID.fromString(value);
            if (!uuid.toString().equalsIgnoreCase(value)) {
                throw new IllegalArgumentException("not canonical");
            }
            return uuid;
        } catch (IllegalArgumentException e) {
            reject(name, "must be a UUID such as 3f0e9a4c-2b1d-4c8e-9f6a-7d5b1e2c3a40");
            return null;
        }
    }

    private OffsetDateTime offsetDateTime(JsonNode parent, String name) {
        String value = text(parent, name, name);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            reject(name, "must be an ISO-8601 date-time with an offset, e.g. 2026-11-20T09:15:00+07:00");
            return null;
        }
    }

    private Integer integer(JsonNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        if (absent(node)) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            reject(path, "must be a whole number");
            return null;
        }
        return node.asInt();
    }

    private Boolean requiredBoolean(JsonNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        if (absent(node)) {
            reject(path, "is required (true or false)");
            return null;
        }
        if (!node.isBoolean()) {
            reject(path, "must be true or false");
            return null;
        }
        return node.asBoolean();
    }

    private <E extends Enum<E>> E code(JsonNode parent, String name, String path, Class<E> codes) {
        return codeOf(parent.get(name), path, codes);
    }

    private <E extends Enum<E>> E codeOf(JsonNode node, String path, Class<E> codes) {
        if (absent(node)) {
            return null;
        }
        if (node.isString()) {
            for (E code : codes.getEnumConstants()) {
                if (code.name().equals(node.asString())) {
                    return code;
                }
            }
        }
        reject(path, "must be one of " + Arrays.stream(codes.getEnumConstants()).map(Enum::name)
                .collect(Collectors.joining(", ")));
        return null;
    }

    private void unknownFields(JsonNode node, String prefix, Set<String> known) {
        for (String name : node.propertyNames()) {
            if (!known.contains(name)) {
                reject(prefix + (name.length() > 64 ? name.substring(0, 64) + "…" : name),
                        "is not a field of a report");
            }
        }
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    private void reject(String path, String message) {
        violations.add(new Violation(path, message));
        rejected.add(path);
    }
}
