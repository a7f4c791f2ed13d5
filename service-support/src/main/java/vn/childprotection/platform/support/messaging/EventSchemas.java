package vn.childprotection.platform.support.messaging;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.childprotection.platform.contracts.EventJson;
import vn.childprotection.platform.contracts.TopicCatalog;
import vn.childprotection.platform.contracts.Topics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every consumed message is checked against the JSON Schema its topic publishes (the topic catalog's) before it
 * touches a store: one that breaks it is {@link EventJson.MalformedEventException} — not retried, dead-lettered. A
 * message of a versioned type its topic's schema does not know yet is left to the consumer, which skips it (additive
 * evolution: a newer writer's type never goes to the dead letters). The refusal names the failing locations and
 * keywords, never a value.
 */
public final class EventSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_NAMED = 5;
    private static final java.util.regex.Pattern VERSIONED_TYPE = java.util.regex.Pattern.compile("[A-Z][A-Za-z]+\\.v[0-9]+");

    /** Each topic's whole schema (for a message without {@code eventType}, which an agency may leave out). */
    private final Map<TopicCatalog, Schema> schemas = new EnumMap<>(TopicCatalog.class);
    /** Each topic's schema of one versioned type ({@code CaseOpened.v1}): precise errors, no oneOf noise. */
    private final Map<TopicCatalog, Map<String, Schema>> typeSchemas = new EnumMap<>(TopicCatalog.class);

    private EventSchemas() {
        for (TopicCatalog entry : TopicCatalog.values()) {
            String text = resource(entry.schema());
            schemas.put(entry, REGISTRY.getSchema(text, InputFormat.JSON));
            ObjectNode root = (ObjectNode) JSON.readTree(text);
            Map<String, Schema> types = new java.util.HashMap<>();
            for (String name : root.path("$defs").propertyNames()) {
                if (VERSIONED_TYPE.matcher(name).matches()) {
                    ObjectNode one = root.deepCopy();
                    one.remove("oneOf");
                    one.remove("$id");
                    one.put("$ref", "#/$defs/" + name);
                    types.put(name, REGISTRY.getSchema(JSON.writeValueAsString(one), InputFormat.JSON));
                }
            }
            typeSchemas.put(entry, types);
        }
    }

    /** The schemas of every topic of the catalog, read once. */
    public static EventSchemas ofCatalog() {
        return new EventSchemas();
    }

    /**
     * Checks a consumed message against its topic's schema.
     *
     * @param topic   the topic it was read from (Kafka's {@code RECEIVED_TOPIC} header); a topic outside the catalog
     *                is left to the consumer
     * @param payload the message's bytes
     * @throws EventJson.MalformedEventException when it is not JSON or breaks the schema
     */
    public void check(Object topic, byte[] payload) {
        TopicCatalog entry = topic == null ? null : entryOf(topic.toString());
        if (entry == null) {
            return;
        }
        String text = new String(payload, StandardCharsets.UTF_8);
        JsonNode tree;
        try {
            tree = JSON.readTree(text);
        } catch (RuntimeException notJson) {
            throw new EventJson.MalformedEventException("not JSON (" + entry.topic() + "; "
                    + notJson.getClass().getSimpleName() + ")");
        }
        String type = tree.path("eventType").asString(null);
        Schema schema = type == null ? schemas.get(entry) : typeSchemas.get(entry).get(type);
        if (schema == null) {
            return; // a type this schema does not know yet: the consumer skips it
        }
        List<Error> errors = schema.validate(text, InputFormat.JSON);
        if (!errors.isEmpty()) {
            throw new EventJson.MalformedEventException("breaks the schema of " + entry.topic() + ": "
                    + errors.stream().limit(MAX_NAMED)
                    .map(e -> e.getInstanceLocation() + " " + e.getKeyword())
                    .collect(Collectors.joining("; "))
                    + (errors.size() > MAX_NAMED ? "; and " + (errors.size() - MAX_NAMED) + " more" : ""));
        }
    }

    private static TopicCatalog entryOf(String topic) {
        if (Topics.responderOf(topic).isPresent()) {
            return TopicCatalog.AGENCY_RESPONSES;
        }
        if (topic.startsWith(Topics.REFERRALS_PREFIX)) {
            return TopicCatalog.AGENCY_REFERRALS;
        }
        for (TopicCatalog entry : TopicCatalog.values()) {
            if (entry.topic().equals(topic)) {
                return entry;
            }
        }
        return null;
    }

    private static String resource(String name) {
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("schema " + name + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
