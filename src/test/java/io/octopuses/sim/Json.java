package io.octopuses.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** JSON helpers: one shared mapper, compact builders, and the date format Octopus writes. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter OCTOPUS_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx").withZone(ZoneOffset.UTC);

    private Json() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    /** {@code Json.object("Name", "x", "SortOrder", 1)}: alternating keys and values; null values are skipped. */
    static ObjectNode object(Object... keysAndValues) {
        ObjectNode node = object();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            if (value != null) {
                node.set((String) keysAndValues[i], toNode(value));
            }
        }
        return node;
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    static ArrayNode array(Collection<?> values) {
        ArrayNode array = array();
        values.forEach(v -> array.add(toNode(v)));
        return array;
    }

    static ArrayNode strings(String... values) {
        ArrayNode array = array();
        for (String v : values) {
            array.add(v);
        }
        return array;
    }

    static JsonNode text(String value) {
        return NODES.textNode(value);
    }

    static JsonNode number(long value) {
        return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
    }

    static JsonNode bool(boolean value) {
        return NODES.booleanNode(value);
    }

    static JsonNode toNode(Object value) {
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof Instant instant) {
            return text(date(instant));
        }
        return MAPPER.valueToTree(value);
    }

    static String date(Instant instant) {
        return OCTOPUS_DATE.format(instant);
    }

    static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return object();
        }
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw OctopusException.badRequest("The request body could not be read as JSON: " + e.getMessage());
        }
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Octopus's published schema allows no JSON null anywhere, so the simulator never writes one. */
    static JsonNode withoutNulls(JsonNode node) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isNull()) {
                    it.remove();
                } else {
                    withoutNulls(e.getValue());
                }
            }
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = array.size() - 1; i >= 0; i--) {
                if (array.get(i).isNull()) {
                    array.remove(i);
                } else {
                    withoutNulls(array.get(i));
                }
            }
        }
        return node;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static List<String> texts(JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        JsonNode value = node == null ? null : node.get(field);
        if (value != null && value.isArray()) {
            value.forEach(v -> out.add(v.asText()));
        }
        return out;
    }

    static List<String> textsOf(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(v -> out.add(v.asText()));
        } else if (array != null && array.isTextual()) {
            out.add(array.asText());
        }
        return out;
    }

    static List<ObjectNode> objects(JsonNode node, String field) {
        List<ObjectNode> out = new ArrayList<>();
        JsonNode value = node == null ? null : node.get(field);
        if (value != null && value.isArray()) {
            value.forEach(v -> {
                if (v.isObject()) {
                    out.add((ObjectNode) v);
                }
            });
        }
        return out;
    }

    /** Field lookup ignoring case, as the real server's model binder does for request bodies. */
    static JsonNode field(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode exact = node.get(name);
        if (exact != null) {
            return exact.isNull() ? null : exact;
        }
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue().isNull() ? null : e.getValue();
            }
        }
        return null;
    }

    static String fieldText(JsonNode node, String name) {
        JsonNode value = field(node, name);
        return value == null ? null : value.asText();
    }
}
