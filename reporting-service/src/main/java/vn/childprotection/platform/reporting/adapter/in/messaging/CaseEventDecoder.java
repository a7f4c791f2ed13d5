package vn.childprotection.platform.reporting.adapter.in.messaging;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import vn.childprotection.platform.contracts.AgencyReferralEvent;
import vn.childprotection.platform.contracts.CaseEvent;
import vn.childprotection.platform.contracts.EventJson;
import vn.childprotection.platform.contracts.IntakeEvent;

import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Decodes {@code case.events.v1} messages. {@link EventJson} rejects a type id it does not know like any other bad
 * message, but the topic evolves additively (conventions, "Messages"; case-event schema: "consumers skip eventTypes
 * they do not know"): a well-formed message whose versioned {@code eventType} no family of this contracts version
 * knows is a newer event and is skipped, never dead-lettered. A type of another family (a message on the wrong
 * topic) and anything else unreadable stay malformed.
 */
public final class CaseEventDecoder {

    /** A versioned type name, {@code CaseClosed.v1}. */
    private static final Pattern TYPE_NAME = Pattern.compile("[A-Z][A-Za-z0-9]{0,60}\\.v[0-9]{1,3}");

    private static final Set<String> KNOWN_TYPES = Stream.of(CaseEvent.class, IntakeEvent.class,
                    AgencyReferralEvent.class)
            .flatMap(family -> Arrays.stream(family.getAnnotation(JsonSubTypes.class).value()))
            .map(JsonSubTypes.Type::name)
            .collect(Collectors.toUnmodifiableSet());

    /** What a message is. */
    public sealed interface Decoded {
        record Known(CaseEvent event) implements Decoded {
        }

        /** @param eventType a well-formed versioned type name, safe to log and to use as a bounded value */
        record UnknownType(String eventType) implements Decoded {
        }
    }

    /** @throws EventJson.MalformedEventException when the message is neither a case event nor a newer one */
    public Decoded decode(byte[] payload) {
        if (payload == null || payload.length == 0) {
            throw new EventJson.MalformedEventException("empty message for CaseEvent");
        }
        try {
            return new Decoded.Known(EventJson.read(payload, CaseEvent.class));
        } catch (EventJson.MalformedEventException malformed) {
            String unknownType = unknownTypeOf(payload);
            if (unknownType != null) {
                return new Decoded.UnknownType(unknownType);
            }
            throw malformed;
        }
    }

    private static String unknownTypeOf(byte[] payload) {
        JsonNode tree;
        try {
            tree = EventJson.mapper().readTree(payload);
        } catch (JacksonException notJson) {
            return null;
        }
        if (tree == null || !tree.isObject()) {
            return null;
        }
        JsonNode type = tree.get("eventType");
        if (type == null || !type.isString()) {
            return null;
        }
        String name = type.asString();
        return TYPE_NAME.matcher(name).matches() && !KNOWN_TYPES.contains(name) ? name : null;
    }
}
