package vn.childprotection.platform.referral.adapter.in.web;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.childprotection.platform.contracts.AgencyResponse;
import vn.childprotection.platform.contracts.EventJson;
import vn.childprotection.platform.contracts.ReasonCode;
import vn.childprotection.platform.contracts.ReferralOutcome;
import vn.childprotection.platform.contracts.ResponseAction;
import vn.childprotection.platform.referral.domain.AgencyResponseCheck;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the body of {@code POST /api/v1/referrals/{referralId}/responses} (the {@code agency.responses.v1} message
 * shape) field by field, so that every bad field is named at once: unknown fields (the HTTP endpoint is strict, unlike
 * the topic), wrong types, unknown enum values, unreadable dates, then what the contract requires
 * ({@link AgencyResponseCheck}). Values are never echoed (agency wording may name people). The JSON reader is the
 * service's own, with its limits (nesting depth): a body over them is the request limits' 400, not this reader's.
 */
final class ResponseRequestReader {

    private static final Set<String> FIELDS = new LinkedHashSet<>(List.of("eventType", "responseId", "referralId",
            "caseId", "agency", "action", "reason", "reasonCode", "forwardTo", "outcome", "note", "unitId",
            "occurredAt"));

    private ResponseRequestReader() {
    }

    /** The response with the path's referral id, or the problems ({@code field → message}, in field order). */
    static AgencyResponse read(String body, String pathReferralId) {
        return read(EventJson.mapper(), body, pathReferralId, null);
    }

    /**
     * @param credentialAgency the caller's agency (from its credential): the response's agency when the body names
     *                         none. A body that names another one is the controller's to refuse.
     */
    static AgencyResponse read(JsonMapper json, String body, String pathReferralId, String credentialAgency) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : json.readTree(body);
        } catch (StreamConstraintsException overLimit) {
            throw overLimit;
        } catch (JacksonException e) {
            throw new InvalidRequestException(List.of(Map.of("field", "body", "message", "is not valid JSON")));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidRequestException(List.of(Map.of("field", "body",
                    "message", "must be a JSON object (an agency response)")));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        for (String name : root.propertyNames()) {
            if (!FIELDS.contains(name)) {
                errors.put(name, "is not a field of an agency response");
            }
        }
        String eventType = text(root, "eventType", errors);
        if (eventType != null && !AgencyResponse.TYPE.equals(eventType)) {
            errors.put("eventType", "must be " + AgencyResponse.TYPE + " when given");
        }
        String referralId = text(root, "referralId", errors);
        if (referralId != null && !errors.containsKey("referralId") && !referralId.equals(pathReferralId)) {
            errors.put("referralId", "must equal the referral id in the path when given");
        }
        AgencyResponse response = new AgencyResponse(text(root, "responseId", errors), pathReferralId,
                text(root, "caseId", errors), Objects.requireNonNullElse(text(root, "agency", errors),
                        Objects.requireNonNullElse(credentialAgency, "")),
                enumValue(root, "action", ResponseAction.class, errors), text(root, "reason", errors),
                enumValue(root, "reasonCode", ReasonCode.class, errors), text(root, "forwardTo", errors),
                enumValue(root, "outcome", ReferralOutcome.class, errors), text(root, "note", errors),
                text(root, "unitId", errors), instant(root, "occurredAt", errors));
        for (AgencyResponseCheck.Problem problem : AgencyResponseCheck.problems(response, false)) {
            errors.putIfAbsent(problem.field(), problem.message());
        }
        if (!errors.isEmpty()) {
            List<Map<String, String>> list = new ArrayList<>();
            errors.forEach((field, message) -> list.add(Map.of("field", field, "message", message)));
            throw new InvalidRequestException(list);
        }
        return response;
    }

    private static String text(JsonNode root, String field, Map<String, String> errors) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            errors.put(field, "must be a string");
            return null;
        }
        return node.asString();
    }

    private static <E extends Enum<E>> E enumValue(JsonNode root, String field, Class<E> type,
                                                   Map<String, String> errors) {
        String text = text(root, field, errors);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            errors.put(field, "must be one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                    .collect(Collectors.joining(", ")));
            return null;
        }
    }

    private static Instant instant(JsonNode root, String field, Map<String, String> errors) {
        String text = text(root, field, errors);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notInstant) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                errors.put(field, "must be an ISO-8601 date-time with offset, e.g. 2026-11-20T03:15:00Z");
                return null;
            }
        }
    }
}
