package io.octopuses.access.providers;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One provider section of a server against the standard: the settings that differ (values compared exactly, lists
 * as sets), whether the secret sign-in needs is missing, and the section to PUT to make the server match — the
 * server's own values with the standard's settings written over them, every setting the standard does not mention
 * and every secret sent back as read (so Octopus keeps it).
 */
record Comparison(AuthProvider provider, List<Difference> differences, MissingSecret missingSecret) {

    static Comparison of(AuthProvider provider, ProviderSettings standard, JsonNode server, ObjectMapper json) {
        List<Difference> differences = new ArrayList<>();
        JsonNode enabled = BooleanNode.valueOf(Boolean.TRUE.equals(standard.enabled()));
        JsonNode serverEnabled = value(server, "IsEnabled");
        if (!enabled.equals(serverEnabled == null ? BooleanNode.FALSE : serverEnabled)) {
            differences.add(new Difference(provider.key(), "enabled", enabled, serverEnabled));
        }
        standard.settings().forEach((name, value) -> {
            JsonNode wanted = json.valueToTree(value);
            JsonNode actual = value(server, AuthProvider.octopusField(name));
            if (!same(wanted, actual)) {
                differences.add(new Difference(provider.key(), name, wanted, actual));
            }
        });
        MissingSecret missing = null;
        if (Boolean.TRUE.equals(standard.enabled()) && provider.neededSecret() != null
                && !server.path(AuthProvider.octopusField(provider.neededSecret())).path("HasValue").asBoolean(false)) {
            missing = MissingSecret.of(provider);
        }
        return new Comparison(provider, List.copyOf(differences), missing);
    }

    boolean inStandard() {
        return differences.isEmpty() && missingSecret == null;
    }

    /** The section to PUT: what the server has, with the standard's settings over it; secrets as read (kept). */
    static ObjectNode desired(ObjectNode server, ProviderSettings standard, ObjectMapper json) {
        ObjectNode body = server.deepCopy();
        body.remove("Links");
        body.put("IsEnabled", Boolean.TRUE.equals(standard.enabled()));
        standard.settings().forEach((name, value) -> body.set(AuthProvider.octopusField(name), json.valueToTree(value)));
        return body;
    }

    private static JsonNode value(JsonNode server, String field) {
        JsonNode value = server.get(field);
        return value == null || value.isNull() ? null : value;
    }

    private static boolean same(JsonNode wanted, JsonNode actual) {
        if (actual == null) {
            return false;
        }
        if (wanted.isArray() && actual.isArray()) {
            return elements(wanted).equals(elements(actual));
        }
        return wanted.equals(actual);
    }

    private static Set<JsonNode> elements(JsonNode array) {
        Set<JsonNode> out = new HashSet<>();
        array.forEach(out::add);
        return out;
    }
}
