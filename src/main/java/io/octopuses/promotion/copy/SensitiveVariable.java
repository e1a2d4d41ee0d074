package io.octopuses.promotion.copy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A sensitive variable the release needs on the target, whose value never travels: Octopus does not hand it out.
 * The target keeps its own value, or a person gives one (keyed by {@link #key()}) when the target has none.
 *
 * @param name               the variable's name
 * @param scope              its scope by names ({@code Environment: [Production]}); empty when unscoped
 * @param libraryVariableSet the library variable set it belongs to, or null for the project's own variables
 */
public record SensitiveVariable(String name, Map<String, List<String>> scope, String libraryVariableSet) {

    public SensitiveVariable {
        scope = VariableContent.sortedScope(scope);
    }

    /**
     * A stable key, the same on every server and run: {@code [set/]name} followed by the scope in a fixed order, e.g.
     * {@code Payments.DbPassword} or {@code Payments Shared/Api.Key{Environment=Production,Test}}.
     */
    public String key() {
        String prefix = libraryVariableSet == null ? "" : libraryVariableSet + "/";
        return prefix + name + scopeText(scope);
    }

    static String scopeText(Map<String, List<String>> scope) {
        if (scope.isEmpty()) {
            return "";
        }
        return new TreeMap<>(scope).entrySet().stream()
                .map(e -> e.getKey() + "=" + String.join(",", e.getValue()))
                .collect(Collectors.joining(";", "{", "}"));
    }
}
