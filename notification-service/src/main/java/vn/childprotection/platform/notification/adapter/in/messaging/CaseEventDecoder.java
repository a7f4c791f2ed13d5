package vn.childprotection.platform.notification.adapter.in.messaging;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import vn.childprotection.platform.contracts.CaseEvent;
import vn.childprotection.platform.contracts.EventJson;

import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads {@code case.events.v1} values with {@link EventJson}. {@code EventJson.read} reports a type id it does not
 * know as a {@link EventJson.MalformedEventException}, like any broken message; but schemas evolve additively and a
 * new type (or version) on the topic is not an error for this consumer. So when reading fails, the decoder looks at
 * {@code eventType}: a well-formed versioned type name that the contracts do not list means "not for us yet" (skip);
 * anything else stays malformed (dead-letter, no retry).
 */
public final class CaseEventDecoder {

    /** Versioned type names, {@code CaseOpened.v1}. */
    private static final Pattern TYPE_NAME = Pattern.compile("[A-Z][A-Za-z0-9]{0,63}\\.v[1-9][0-9]{0,3}");

    private static final Set<String> KNOWN_TYPES = Arrays.stream(CaseEvent.class.getAnnotation(JsonSubTypes.class)
                    .value())
            .map(JsonSubTypes.Type::name)
            .collect(Collectors.toUnmodifiableSet());

    public sealed interface Decoded {
    }

    public record Known(CaseEvent event) implements Decoded {
    }

    /** A well-formed message of a type this service does not know: skipped. */
    public record UnknownType(String eventType) implements Decoded {
    }

    /**
     * @throws EventJson.MalformedEventException when the bytes are no readable case event of any type
     */
    public Decoded decode(byte[] payload) {
        try {
            return new Known(EventJson.read(payload, CaseEvent.class));
        } catch (EventJson.MalformedEventException malformed) {
            String type = eventTypeOf(payload);
            if (type != null && TYPE_NAME.matcher(type).matches() && !KNOWN_TYPES.contains(type)) {
                return new UnknownType(type);
            }
            throw malformed;
        }
    }

    private static String eventTypeOf(byte[] payload) {
        if (payload == null || payload.length == 0) {
            return null;
        }
        try {
            JsonNode tree = EventJson.mapper().readTree(payload);
            JsonNode type = tree == null ? null : tree.get("eventType");
            return type != null && type.isString() ? type.asString() : null;
        } catch (JacksonException notJson) {
            return null;
        }
    }
}
