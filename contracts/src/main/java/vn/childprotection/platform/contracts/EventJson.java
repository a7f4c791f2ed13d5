package vn.childprotection.platform.contracts;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;

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

    private EventJson() {
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
     * @throws MalformedEventException when the bytes are not a valid message of that family
     */
    public static <T extends Event> T read(byte[] payload, Class<T> family) {
        try {
            T event = MAPPER.readValue(payload, family);
            if (event == null) {
                throw new MalformedEventException("empty message for " + family.getSimpleName());
            }
            return event;
        } catch (JacksonException e) {
            throw new MalformedEventException("not a " + family.getSimpleName() + ": " + e.getOriginalMessage());
        }
    }

    public static <T extends Event> T read(String payload, Class<T> family) {
        return read(payload.getBytes(StandardCharsets.UTF_8), family);
    }

    /** A message that cannot be read: it goes to the dead-letter topic and is never retried. */
    public static final class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message) {
            super(message);
        }
    }
}
