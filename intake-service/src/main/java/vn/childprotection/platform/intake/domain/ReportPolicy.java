package vn.childprotection.platform.intake.domain;

import vn.childprotection.platform.areas.AreaMaps;
import vn.childprotection.platform.areas.AreaMapsLoader;
import vn.childprotection.platform.areas.Placement;
import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.Location;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules a report must meet before it is accepted. Returns every violation at once (never throws), so the
 * operator can fix the whole report in one go. Fields the reader already rejected are not reported twice.
 * Rejected values are never quoted in a message: they may be personal data.
 *
 * <p>The location's codes are checked against the administrative map in force on the day the report was received
 * (its {@code receivedAt} in Vietnam's time zone: the two-level map from 1 July 2025) by {@link AreaMaps#place}.
 * Codes of the other map are mapped, or placed as far as they allow, so that a report is never lost over a
 * reorganisation; only codes that name no place on either map, or places that do not fit together, are violations.
 */
public final class ReportPolicy {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_NARRATIVE_LENGTH = 10_000;
    public static final int MAX_CONCERNS = Concern.values().length;
    /** Law on Children 2016 Art 1: a child is under 16; 16–17-year-olds are still taken (youth in need). */
    public static final int MAX_AGE_YEARS = 17;

    /** General Statistics Office unit codes: province 2 digits, district 3, commune 5. */
    private static final Pattern PROVINCE = Pattern.compile("\\d{2}");
    private static final Pattern DISTRICT = Pattern.compile("\\d{3}");
    private static final Pattern COMMUNE = Pattern.compile("\\d{5}");
    /** Vietnamese and international numbers: digits with optional +, spaces, dots, dashes, parentheses. */
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 .()\\-]{5,24}");
    /** The day of a report, and so the map its codes are read on, is the day in Vietnam. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Clock clock;
    private final Duration maxAge;
    private final Duration maxClockSkew;
    private final AreaMaps maps;

    /**
     * @param maps the administrative maps a report's location is placed on ({@link AreaMapsLoader#shipped()})
     */
    public ReportPolicy(Clock clock, Duration maxAge, Duration maxClockSkew, AreaMaps maps) {
        this.clock = clock;
        this.maxAge = maxAge;
        this.maxClockSkew = maxClockSkew;
        this.maps = Objects.requireNonNull(maps, "maps");
    }

    /** On the maps shipped with the platform. */
    public ReportPolicy(Clock clock, Duration maxAge, Duration maxClockSkew) {
        this(clock, maxAge, maxClockSkew, AreaMapsLoader.shipped());
    }

    /** The outcome of the rules for one report: a rejection is a value, never an exception. */
    public sealed interface Verdict {
    }

    /**
     * @param report the report in its canonical form ({@link ReportDraft#normalized()}), its location as given: what
     *               is fingerprinted, so that a retry of the same body is recognised
     * @param placed its location on the map in force on its day, and how it got there: what is published
     */
    public record Valid(ReportDraft report, PlacedLocation placed) implements Verdict {
        public Valid {
            Objects.requireNonNull(report, "report");
            Objects.requireNonNull(placed, "a valid report has a place");
        }
    }

    /** @param violations every rule the report breaks, at least one */
    public record Invalid(List<Violation> violations) implements Verdict {
        public Invalid {
            if (violations.isEmpty()) {
                throw new IllegalArgumentException("an invalid report breaks at least one rule");
            }
            violations = List.copyOf(violations);
        }
    }

    /**
     * Normalizes the draft ({@link ReportDraft#normalized()}) and checks it.
     *
     * @param draft           the report as read
     * @param readViolations  what the reader found already (wrong types, unknown codes, unknown fields)
     * @param alreadyRejected the fields those name: not reported again
     */
    public Verdict evaluate(ReportDraft draft, List<Violation> readViolations, Set<String> alreadyRejected) {
        ReportDraft canonical = draft.normalized();
        List<Violation> violations = new ArrayList<>(readViolations);
        Checks checks = checked(canonical, alreadyRejected);
        violations.addAll(checks.violations());
        return violations.isEmpty() ? new Valid(canonical, checks.placed) : new Invalid(violations);
    }

    /**
     * @param draft           the report as read
     * @param alreadyRejected fields the reader could not read (wrong type, unknown code): not reported again
     */
    public List<Violation> check(ReportDraft draft, Set<String> alreadyRejected) {
        return checked(draft, alreadyRejected).violations();
    }

    private Checks checked(ReportDraft draft, Set<String> alreadyRejected) {
        Checks checks = new Checks(alreadyRejected);
        checks.required("reportId", draft.reportId());
        boolean dated = checkReceivedAt(draft.receivedAt(), checks);
        checks.required("channel", draft.channel());
        checks.required("contactType", draft.contactType());
        checks.required("severity", draft.severity());
        checkConcerns(draft, checks);
        checkLocation(draft, dated, checks);
        checkChild(draft, checks);
        checkReporter(draft, checks);
        if (checks.required("narrative", draft.narrative())) {
            checks.text("narrative", draft.narrative(), MAX_NARRATIVE_LENGTH, true);
        }
        return checks;
    }

    /** The day a report was received, in Vietnam: the day that decides the map its codes are read on. */
    public static LocalDate dayOf(OffsetDateTime receivedAt) {
        return receivedAt.atZoneSameInstant(VIETNAM).toLocalDate();
    }

    /** @return whether the report has a date that may be used: present, not in the future, not too old */
    private boolean checkReceivedAt(OffsetDateTime receivedAt, Checks checks) {
        if (!checks.required("receivedAt", receivedAt)) {
            return false;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (receivedAt.isAfter(now.plus(maxClockSkew))) {
            checks.add("receivedAt", "must not be more than " + maxClockSkew.toMinutes() + " minutes in the future");
            return false;
        } else if (receivedAt.isBefore(now.minus(maxAge))) {
            checks.add("receivedAt", "must be within the last " + maxAge.toDays() + " days");
            return false;
        }
        return true;
    }

    private static void checkConcerns(ReportDraft draft, Checks checks) {
        if (!checks.required("concerns", draft.concerns())) {
            return;
        }
        if (draft.concerns().isEmpty()) {
            checks.add("concerns", "must name at least one concern");
            return;
        }
        if (draft.concerns().size() > MAX_CONCERNS) {
            checks.add("concerns", "must name at most " + MAX_CONCERNS + " concerns");
            return;
        }
        Set<Concern> seen = new HashSet<>();
        for (int i = 0; i < draft.concerns().size(); i++) {
            Concern concern = draft.concerns().get(i);
            if (concern != null && !seen.add(concern)) {
                checks.add("concerns[" + i + "]", "repeats a concern already listed");
            }
        }
    }

    /**
     * The codes' format first (2, 3, 5 digits), then the codes that have it on the map of the report's day: every
     * problem of an {@code INVALID} placement is a violation of its field, unless that field failed already. Not
     * placed without a readable province or without a usable {@code receivedAt}, which chooses the map (both are
     * named already).
     *
     * @param dated whether {@code receivedAt} passed its checks
     */
    private void checkLocation(ReportDraft draft, boolean dated, Checks checks) {
        if (!checks.required("location", draft.location())) {
            return;
        }
        var location = draft.location();
        boolean province = checks.required("location.provinceCode", location.provinceCode())
                && checks.matches("location.provinceCode", location.provinceCode(), PROVINCE,
                "a 2-digit province code");
        boolean district = checks.matches("location.districtCode", location.districtCode(), DISTRICT,
                "a 3-digit district code");
        boolean commune = checks.matches("location.communeCode", location.communeCode(), COMMUNE,
                "a 5-digit commune code");
        if (!province || !dated) {
            return;
        }
        Location readable = new Location(location.provinceCode(), district ? location.districtCode() : null,
                commune ? location.communeCode() : null);
        Placement placement = maps.place(readable, dayOf(draft.receivedAt()));
        if (placement.outcome() == Placement.Outcome.INVALID) {
            placement.problems().forEach(problem -> checks.add(problem.field(), problem.message()));
        } else {
            checks.placed = PlacedLocation.of(placement);
        }
    }

    private static void checkChild(ReportDraft draft, Checks checks) {
        if (!checks.required("child", draft.child())) {
            return;
        }
        var child = draft.child();
        checks.text("child.fullName", child.fullName(), MAX_NAME_LENGTH, false);
        checks.required("child.sex", child.sex());
        Integer age = child.ageYears();
        if (age != null && (age < 0 || age > MAX_AGE_YEARS)) {
            checks.add("child.ageYears", "must be between 0 and " + MAX_AGE_YEARS);
        }
    }

    private static void checkReporter(ReportDraft draft, Checks checks) {
        if (!checks.required("reporter", draft.reporter())) {
            return;
        }
        var reporter = draft.reporter();
        checks.text("reporter.fullName", reporter.fullName(), MAX_NAME_LENGTH, false);
        String phone = reporter.phone();
        if (phone != null && !checks.rejected("reporter.phone")) {
            if (Checks.hasControlCharacters(phone, false)) {
                checks.add("reporter.phone", "must not contain control characters");
            } else if (!PHONE.matcher(phone).matches()) {
                checks.add("reporter.phone", "must be a phone number (digits, optional +, spaces, dots or dashes)");
            }
        }
        checks.required("reporter.relationship", reporter.relationship());
    }

    /** Collects violations, skipping fields the reader rejected already. */
    private static final class Checks {
        private final Set<String> alreadyRejected;
        private final List<Violation> violations = new ArrayList<>();
        /** The location on the map of the report's day, once its codes are found to name a place. */
        private PlacedLocation placed;

        Checks(Set<String> alreadyRejected) {
            this.alreadyRejected = alreadyRejected;
        }

        boolean rejected(String field) {
            return alreadyRejected.contains(field);
        }

        void add(String field, String message) {
            if (!rejected(field)) {
                violations.add(new Violation(field, message));
            }
        }

        /** True when present; names the field when missing (unless already rejected). */
        boolean required(String field, Object value) {
            if (value != null) {
                return true;
            }
            add(field, "is required");
            return false;
        }

        /** True when absent or in the expected form, and not rejected by the reader; names it otherwise. */
        boolean matches(String field, String value, Pattern pattern, String expected) {
            if (value != null && !pattern.matcher(value).matches()) {
                add(field, "must be " + expected);
                return false;
            }
            return !rejected(field);
        }

        void text(String field, String value, int maxLength, boolean multiline) {
            if (value == null) {
                return;
            }
            if (!wellFormed(value)) {
                add(field, "must be well-formed Unicode text (an unpaired surrogate was sent)");
            } else if (value.codePointCount(0, value.length()) > maxLength) {
                add(field, "must be at most " + maxLength + " characters");
            } else if (hasControlCharacters(value, multiline)) {
                add(field, multiline ? "must not contain control characters other than line breaks and tabs"
                        : "must not contain control characters");
            }
        }

        /** No lone surrogates: they cannot be written as UTF-8, so such a report could never be published. */
        private static boolean wellFormed(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                        return false;
                    }
                    i++;
                } else if (Character.isLowSurrogate(c)) {
                    return false;
                }
            }
            return true;
        }

        List<Violation> violations() {
            return List.copyOf(violations);
        }

        /**
         * C0/C1 controls (a line break is allowed in the narrative only); in a name or phone also the invisible
         * format characters (bidirectional overrides, zero-width characters) and line/paragraph separators, which
         * make one name look like another.
         */
        static boolean hasControlCharacters(String value, boolean multiline) {
            return value.codePoints().anyMatch(c -> multiline
                    ? Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t'
                    : Character.isISOControl(c) || switch (Character.getType(c)) {
                        case Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
                        default -> false;
                    });
        }
    }
}
