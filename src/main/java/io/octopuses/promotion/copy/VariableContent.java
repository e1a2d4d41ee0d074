package io.octopuses.promotion.copy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.octopuses.octopus.resources.VariablePromptOptions;

/**
 * A variable as exported: scopes by names (Environment, Channel, Action, Machine, Role, TenantTag, ProcessOwner);
 * for Certificate, account and WorkerPool variables the value is the referenced resource's name. Sensitive variables
 * carry no value.
 */
public record VariableContent(String name, String value, String type, boolean sensitive, String description,
                              Map<String, List<String>> scope, VariablePromptOptions prompt) {

    public VariableContent {
        scope = sortedScope(scope);
        if (sensitive) {
            value = null;
        }
    }

    /** Name and scope: what makes two variables "the same variable" on two servers. */
    String identity() {
        return name + SensitiveVariable.scopeText(scope);
    }

    static Map<String, List<String>> sortedScope(Map<String, List<String>> scope) {
        Map<String, List<String>> sorted = new TreeMap<>();
        if (scope != null) {
            scope.forEach((k, v) -> {
                if (v != null && !v.isEmpty()) {
                    sorted.put(k, v.stream().sorted().toList());
                }
            });
        }
        return java.util.Collections.unmodifiableMap(sorted);
    }
}
