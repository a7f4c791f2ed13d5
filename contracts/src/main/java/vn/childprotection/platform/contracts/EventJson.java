package vn.childprotection.platform.contracts;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The wire format of every message: UTF-8 JSON, ISO-8601 dates (offsets kept), unknown properties ignored so that
 * schemas can grow additively, the versioned type name in {@code eventType}.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    /** A versioned type name: {@code CaseOpened.v1}. */
    private static final Pattern TYPE_NAME = Pattern.compile("[A-Z][A-Za-z0-9]{0,80}\\.v[0-9]{1,4}");

    /** Every message family of the catalog. */
    private static final List<Class<? extends Event>> FAMILIES =
            List.of(IntakeEvent.class, CaseEvent.class, AgencyReferralEvent.class, AgencyResponseEvent.class,
                    NotificationEvent.class, AuditEvent.class);

    private static final Set<String> ALL_TYPE_NAMES = FAMILIES.stream()
            .flatMap(family -> typeNames(family).stream())
            .collect(Collectors.toUnmodifiableSet());

    private EventJson() {
    }

    /** A message as a consumer sees it: one it knows, or a newer type it skips. */
    public sealed interface Decoded<T extends Event> {

        record Known<T extends Event>(T event) implements Decoded<T> {
        }

        /** @param eventType a well-formed versioned type name, safe to log and to use as a metric tag */
        record UnknownType<T extends Event>(String eventType) implements Decoded<T> {
        }
    }

    /**
     * Reads a message for a consumer: a newer type (well formed, versioned, unknown to every family of this
     * contracts version) is {@link Decoded.UnknownType} to skip; a type of another family (a message on the wrong
     * topic) or anything unreadable is malformed.
     *
     * @throws MalformedEventException when the message must be dead-lettered
     */
    public static <T extends Event> Decoded<T> decode(byte[] payload, Class<T> family) {
        try {
            return new Decoded.Known<>(read(payload, family));
        } catch (UnknownEventTypeException unknown) {
            return new Decoded.UnknownType<>(unknown.eventType());
        }
    }

    /** The versioned type names a family of messages knows, e.g. {@code CaseOpened.v1, ReferralIssued.v1}. */
    public static Set<String> typeNames(Class<? extends Event> family) {
        JsonSubTypes subTypes = family.getAnnotation(JsonSubTypes.class);
        if (subTypes == null) {
            throw new IllegalArgumentException(family.getSimpleName() + " is not a message family");
        }
        return Arrays.stream(subTypes.value()).map(JsonSubTypes.Type::name).collect(Collectors.toUnmodifiableSet());
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(Event event) {
        return MAPPER.writeValueAsBytes(event);
    }

    public static String writeString(Event event) {
        return MAPPER.writeValueAsString(event);
    }

    /**
     * Reads a message of the given family ({@code CaseEvent.class}, ...).
     *
     * @throws UnknownEventTypeException when the message is well formed but of a versioned type no family of this
     *                                   contracts version knows (yet): consumers skip it, so producers can add types
     * @throws MalformedEventException    when the bytes are not a valid message of that family
     */
    public static <T extends Event> T read(byte[] payload, Class<T> family) {
        if (payload == null || payload.length == 0) {
            throw new MalformedEventException("empty message for " + family.getSimpleName());
        }
        try {
            T event = MAPPER.readValue(payload, family);
            if (event == null) {
                throw new MalformedEventException("empty message for " + family.getSimpleName());
            }
            return event;
        } catch (InvalidTypeIdException e) {
            String typeId = e.getTypeId();
            if (typeId != null && TYPE_NAME.matcher(typeId).matches() && !ALL_TYPE_NAMES.contains(typeId)) {
                throw new UnknownEventTypeException(family, typeId);
            }
            throw new MalformedEventException(describe(family, e));
        } catch (JacksonException e) {
            throw new MalformedEventException(describe(family, e));
        }
    }

    /** Says what went wrong and where, never quoting the payload (it may hold personal data and ends up in logs). */
    private static String describe(Class<?> family, JacksonException e) {
        TokenStreamLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        String path = e.getPath().isEmpty() ? "" : " (" + e.getPathReference() + ")";
        return "not a " + family.getSimpleName() + ": " + e.getClass().getSimpleName() + where + path;
    }

    public static <T extends Event> T read(String payload, Class<T> family) {
        return read(payload.getBytes(StandardCharsets.UTF_8), family);
    }

    /**
     * A message that cannot be read: it goes to the dead-letter topic and is never retried. Its text never quotes
     * the payload.
     */
    public static class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message) {
            super(message);
        }
    }

    /** A well-formed message of a versioned type the reader does not know: skip it, never dead-letter it. */
    public static final class UnknownEventTypeException extends MalformedEventException {
        private final String eventType;

        public UnknownEventTypeException(Class<?> family, String eventType) {
            super("unknown " + family.getSimpleName() + " type " + eventType);
            this.eventType = eventType;
        }

        public String eventType() {
            return eventType;
        }
    }
}
