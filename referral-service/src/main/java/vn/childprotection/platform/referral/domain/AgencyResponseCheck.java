package vn.childprotection.platform.referral.domain;

import vn.childprotection.platform.contracts.AgencyResponse;
import vn.childprotection.platform.contracts.ResponseAction;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What {@code agency-response-event.schema.json} requires of an agency response, checked before anything is looked
 * up: required fields, formats, and the action-specific fields (DECLINED needs a reason; FORWARDED needs forwardTo and
 * a reason; COMPLETED needs an outcome; S0 Art 7.2). Problems name fields, never quote values (agency wording may
 * name people).
 */
public final class AgencyResponseCheck {

    /** A field and what is wrong with it. */
    public record Problem(String field, String message) {
    }

    private static final Pattern RESPONSE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Pattern AGENCY = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    static final int REASON_MAX = 2000;
    static final int NOTE_MAX = 4000;

    private AgencyResponseCheck() {
    }

    /**
     * @param referralIdRequired false for the HTTP endpoint, where the path names the referral
     */
    public static List<Problem> problems(AgencyResponse response, boolean referralIdRequired) {
        List<Problem> problems = new ArrayList<>();
        if (response == null) {
            return List.of(new Problem("body", "is empty"));
        }
        if (blank(response.responseId())) {
            problems.add(new Problem("responseId", "is required"));
        } else if (!RESPONSE_ID.matcher(response.responseId()).matches()) {
            problems.add(new Problem("responseId", "must be 1-100 characters of A-Z a-z 0-9 . _ : -"));
        }
        if (blank(response.referralId())) {
            if (referralIdRequired) {
                problems.add(new Problem("referralId", "is required"));
            }
        } else if (!uuid(response.referralId())) {
            problems.add(new Problem("referralId", "must be a UUID"));
        }
        if (blank(response.caseId())) {
            problems.add(new Problem("caseId", "is required"));
        } else if (!uuid(response.caseId())) {
            problems.add(new Problem("caseId", "must be a UUID"));
        }
        if (blank(response.agency())) {
            problems.add(new Problem("agency", "is required"));
        } else if (!AGENCY.matcher(response.agency()).matches()) {
            problems.add(new Problem("agency", "must be an agency code such as POLICE"));
        }
        if (response.action() == null) {
            problems.add(new Problem("action", "is required"));
        }
        if (response.occurredAt() == null) {
            problems.add(new Problem("occurredAt", "is required"));
        }
        if (response.reason() != null && response.reason().length() > REASON_MAX) {
            problems.add(new Problem("reason", "must be at most " + REASON_MAX + " characters"));
        }
        if (response.note() != null && response.note().length() > NOTE_MAX) {
            problems.add(new Problem("note", "must be at most " + NOTE_MAX + " characters"));
        }
        if (response.unitId() != null && response.unitId().length() > 100) {
            problems.add(new Problem("unitId", "must be at most 100 characters"));
        }
        if (response.forwardTo() != null && !AGENCY.matcher(response.forwardTo()).matches()) {
            problems.add(new Problem("forwardTo", "must be an agency code such as HEALTH"));
        }
        ResponseAction action = response.action();
        if ((action == ResponseAction.DECLINED || action == ResponseAction.FORWARDED) && blank(response.reason())) {
            problems.add(new Problem("reason", "is required when action is " + action));
        }
        if (action == ResponseAction.FORWARDED && blank(response.forwardTo())) {
            problems.add(new Problem("forwardTo", "is required when action is FORWARDED"));
        }
        if (action == ResponseAction.COMPLETED && response.outcome() == null) {
            problems.add(new Problem("outcome", "is required when action is COMPLETED"));
        }
        return problems;
    }

    /** The first action-specific field missing, as a rejection (the domain's own guard). */
    static ResponseRejection missingField(AgencyResponse response) {
        ResponseAction action = response.action();
        if ((action == ResponseAction.DECLINED || action == ResponseAction.FORWARDED) && blank(response.reason())) {
            return ResponseRejection.MISSING_REASON;
        }
        if (action == ResponseAction.FORWARDED && blank(response.forwardTo())) {
            return ResponseRejection.MISSING_FORWARD_TARGET;
        }
        if (action == ResponseAction.COMPLETED && response.outcome() == null) {
            return ResponseRejection.MISSING_OUTCOME;
        }
        return null;
    }

    private static boolean uuid(String text) {
        if (!UUID_TEXT.matcher(text).matches()) {
            return false;
        }
        try {
            UUID.fromString(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
