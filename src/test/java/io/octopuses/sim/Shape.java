package io.octopuses.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The field set of one Octopus resource type. {@link #normalize} turns whatever a client sent into the resource as
 * the real server would keep it: only known fields, in the published order, matched case-insensitively (the real
 * server's JSON reader is case-insensitive), scalar types coerced, nulls dropped.
 */
final class Shape {

    private enum Kind { TEXT, INTEGER, NUMBER, BOOL, STRINGS, OBJECT, LIST, MAP, ANY }

    private record Field(String name, Kind kind, String nested) {
    }

    private final String name;
    private final List<Field> fields = new ArrayList<>();
    private final Map<String, Field> byLowerName = new HashMap<>();

    Shape(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    boolean has(String field) {
        return byLowerName.containsKey(field.toLowerCase(Locale.ROOT));
    }

    Shape text(String field) {
        return add(field, Kind.TEXT, null);
    }

    Shape integer(String field) {
        return add(field, Kind.INTEGER, null);
    }

    Shape number(String field) {
        return add(field, Kind.NUMBER, null);
    }

    Shape bool(String field) {
        return add(field, Kind.BOOL, null);
    }

    Shape strings(String field) {
        return add(field, Kind.STRINGS, null);
    }

    Shape object(String field, String shape) {
        return add(field, Kind.OBJECT, shape);
    }

    Shape list(String field, String shape) {
        return add(field, Kind.LIST, shape);
    }

    Shape map(String field) {
        return add(field, Kind.MAP, null);
    }

    Shape any(String field) {
        return add(field, Kind.ANY, null);
    }

    private Shape add(String field, Kind kind, String nested) {
        Field f = new Field(field, kind, nested);
        fields.add(f);
        byLowerName.put(field.toLowerCase(Locale.ROOT), f);
        return this;
    }

    /** Copies {@code input} into a new object holding only this shape's fields; {@code defaults} fill the gaps. */
    ObjectNode normalize(JsonNode input, JsonNode defaults) {
        Map<String, JsonNode> given = indexByLowerName(input);
        Map<String, JsonNode> fallback = indexByLowerName(defaults);
        ObjectNode out = Json.object();
        for (Field f : fields) {
            String key = f.name().toLowerCase(Locale.ROOT);
            JsonNode value = given.get(key);
            if (value == null || value.isNull()) {
                value = fallback.get(key);
            }
            if (value == null || value.isNull()) {
                continue;
            }
            JsonNode converted = convert(f, value);
            if (converted != null) {
                out.set(f.name(), converted);
            }
        }
        return out;
    }

    /** Drops top-level fields this shape does not have (internal bookkeeping such as a package's space). */
    ObjectNode retainKnown(ObjectNode node) {
        node.retain(fields.stream().map(Field::name).toList());
        return node;
    }

    ObjectNode normalize(JsonNode input) {
        return normalize(input, null);
    }

    private static JsonNode convert(Field f, JsonNode value) {
        switch (f.kind()) {
            case TEXT:
                return value.isValueNode() ? Json.text(value.asText()) : value.deepCopy();
            case INTEGER:
                if (value.isTextual()) {
                    try {
                        return Json.number(Long.parseLong(value.asText().trim()));
                    } catch (NumberFormatException e) {
                        return value.deepCopy();
                    }
                }
                return value.deepCopy();
            case BOOL:
                if (value.isTextual()) {
                    return Json.bool(Boolean.parseBoolean(value.asText().trim()));
                }
                return value.deepCopy();
            case STRINGS:
                if (value.isArray()) {
                    ArrayNode out = Json.array();
                    value.forEach(v -> {
                        if (!v.isNull()) {
                            out.add(v.isValueNode() ? v.asText() : v.toString());
                        }
                    });
                    return out;
                }
                if (value.isTextual()) {
                    ArrayNode out = Json.array();
                    for (String part : value.asText().split(",")) {
                        if (!part.isBlank()) {
                            out.add(part.trim());
                        }
                    }
                    return out;
                }
                return value.deepCopy();
            case OBJECT:
                return value.isObject() ? Shapes.get(f.nested()).normalize(value) : value.deepCopy();
            case LIST:
                if (value.isArray()) {
                    ArrayNode out = Json.array();
                    Shape element = Shapes.get(f.nested());
                    value.forEach(v -> {
                        if (v.isObject()) {
                            out.add(element.normalize(v));
                        }
                    });
                    return out;
                }
                return value.deepCopy();
            case MAP:
            case ANY:
            default:
                return Json.withoutNulls(value.deepCopy());
        }
    }

    private static Map<String, JsonNode> indexByLowerName(JsonNode node) {
        Map<String, JsonNode> index = new HashMap<>();
        if (node != null && node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                index.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
            }
        }
        return index;
    }
}
