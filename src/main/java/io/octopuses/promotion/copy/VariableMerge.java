package io.octopuses.promotion.copy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.octopuses.octopus.resources.VariableResource;
import io.octopuses.octopus.resources.VariableSetResource;

/**
 * The variables a target set gets from a bundle: the bundle's non-sensitive variables as they are; its sensitive
 * ones keeping the target's value (a given value only fills a gap); the target's own sensitive variables and those scoped
 * only to environments the source does not have, kept. Variables keep their target ids (matched by name and scope).
 *
 * @param variables        the set to PUT
 * @param added            names of variables added
 * @param changed          names of variables changed
 * @param removed          names of variables removed
 * @param missing          resources that variable values name and the target lacks
 * @param missingSensitive sensitive variables with no value on the target and none given
 */
record VariableMerge(List<VariableResource> variables, List<String> added, List<String> changed, List<String> removed,
                     List<Missing> missing, List<SensitiveVariable> missingSensitive) {

    boolean differs() {
        return !added.isEmpty() || !changed.isEmpty() || !removed.isEmpty();
    }

    /**
     * @param setName         the library variable set's name, or null for the project's variables
     * @param targetSet       the target's current set (null when the owner does not exist yet)
     * @param actionIds       the target process's action ids by lower-case name
     * @param actionNames     the same, id to name
     * @param projectId       the target project's id (null for a library set or a project not created yet)
     * @param projectName     the project's name
     * @param sensitiveValues values given for sensitive variables, by {@link SensitiveVariable#key()}
     */
    static VariableMerge of(String setName, List<VariableContent> bundle, VariableSetResource targetSet, NameIndex index,
                            Map<String, String> actionIds, Map<String, String> actionNames, String projectId,
                            String projectName, List<String> sourceEnvironments, Map<String, String> sensitiveValues) {
        List<VariableResource> current = targetSet == null || targetSet.variables() == null ? List.of() : targetSet.variables();
        List<VariableContent> currentNamed = targetSet == null ? List.of() : VariableTranslation.toContent(targetSet, index,
                actionNames, projectId == null ? Map.of() : Map.of(projectId, projectName), false);
        Map<String, Integer> byIdentity = new HashMap<>();
        for (int i = 0; i < currentNamed.size(); i++) {
            byIdentity.putIfAbsent(currentNamed.get(i).identity(), i);
        }
        Set<Integer> matched = new HashSet<>();
        List<VariableResource> out = new ArrayList<>();
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<Missing> missing = new ArrayList<>();
        List<SensitiveVariable> missingSensitive = new ArrayList<>();
        String owner = setName == null ? "" : setName + "/";
        for (VariableContent v : bundle) {
            Optional<Map<String, List<String>>> scope = VariableTranslation.scopeToIds(v.scope(), index, actionIds, projectId);
            if (scope.isEmpty()) {
                continue; // limited to environments (channels, machines) the target does not have
            }
            Integer i = byIdentity.get(v.identity());
            VariableResource existing = i == null ? null : current.get(i);
            if (i != null) {
                matched.add(i);
            }
            String label = owner + v.identity() + (v.sensitive() ? " (sensitive)" : "");
            String value = v.value();
            Optional<ResourceKind> kind = VariableTranslation.valueKind(v.type());
            if (kind.isPresent() && value != null && !value.startsWith("#{")) {
                Optional<String> id = index.id(kind.get(), value);
                if (id.isEmpty()) {
                    missing.add(new Missing(kind.get(), value, "variable " + owner + v.name()));
                }
                value = id.orElse(value);
            }
            if (v.sensitive()) {
                SensitiveVariable key = new SensitiveVariable(v.name(), v.scope(), setName);
                boolean targetHasOne = existing != null && Boolean.TRUE.equals(existing.isSensitive());
                // the target's own value wins: a given value fills only a gap, so a re-run writes nothing again
                String given = targetHasOne ? null : sensitiveValues.get(key.key());
                if (!targetHasOne && given == null) {
                    missingSensitive.add(key);
                }
                if (existing == null) {
                    added.add(label);
                } else if (!targetHasOne) {
                    changed.add(label);
                }
                out.add(new VariableResource(existing == null ? null : existing.id(), v.name(), given, v.type(), true,
                        existing == null ? null : existing.isEditable(), v.description(), v.prompt(), scope.get(),
                        existing == null ? null : existing.other()));
            } else {
                if (existing == null) {
                    added.add(label);
                } else if (!same(currentNamed.get(i), v)) {
                    changed.add(label);
                }
                out.add(new VariableResource(existing == null ? null : existing.id(), v.name(), value, v.type(), false,
                        existing == null ? null : existing.isEditable(), v.description(), v.prompt(), scope.get(),
                        existing == null ? null : existing.other()));
            }
        }
        for (int i = 0; i < current.size(); i++) {
            if (matched.contains(i)) {
                continue;
            }
            VariableResource own = current.get(i);
            if (Boolean.TRUE.equals(own.isSensitive()) || targetOnly(currentNamed.get(i), sourceEnvironments)) {
                out.add(own);
            } else {
                removed.add(owner + currentNamed.get(i).identity());
            }
        }
        return new VariableMerge(out, added, changed, removed, missing, missingSensitive);
    }

    /** Scoped only to environments the source does not have: the target's own configuration. */
    private static boolean targetOnly(VariableContent variable, List<String> sourceEnvironments) {
        List<String> environments = variable.scope().getOrDefault(VariableTranslation.ENVIRONMENT, List.of());
        return !environments.isEmpty() && environments.stream()
                .noneMatch(e -> sourceEnvironments.stream().anyMatch(e::equalsIgnoreCase));
    }

    private static boolean same(VariableContent a, VariableContent b) {
        return a.sensitive() == b.sensitive() && Objects.equals(a.value(), b.value())
                && Objects.equals(a.type(), b.type()) && Objects.equals(blank(a.description()), blank(b.description()))
                && Objects.equals(a.prompt(), b.prompt());
    }

    private static String blank(String s) {
        return s == null ? "" : s;
    }
}
