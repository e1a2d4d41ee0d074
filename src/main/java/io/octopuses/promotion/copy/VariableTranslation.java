package io.octopuses.promotion.copy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.octopuses.octopus.resources.ReferenceDataItem;
import io.octopuses.octopus.resources.VariableResource;
import io.octopuses.octopus.resources.VariableScopeValues;
import io.octopuses.octopus.resources.VariableSetResource;

/** A variable set's scopes and resource-valued variables, from ids to names (source) and back (target). */
final class VariableTranslation {

    static final String ENVIRONMENT = "Environment";
    private static final String CHANNEL = "Channel";
    private static final String ACTION = "Action";
    private static final String MACHINE = "Machine";
    private static final String PROCESS_OWNER = "ProcessOwner";
    private static final Set<String> ACCOUNT_TYPES = Set.of("AmazonWebServicesAccount", "AmazonWebServicesOidcAccount",
            "AzureAccount", "AzureOidc", "GoogleCloudAccount", "UsernamePasswordAccount", "GenericOidcAccount",
            "SshKeyPairAccount", "TokenAccount");

    private VariableTranslation() {
    }

    /** The kind of resource a variable of this type holds the id of, if any. */
    static Optional<ResourceKind> valueKind(String type) {
        if ("Certificate".equals(type)) {
            return Optional.of(ResourceKind.CERTIFICATE);
        }
        if ("WorkerPool".equals(type)) {
            return Optional.of(ResourceKind.WORKER_POOL);
        }
        return type != null && ACCOUNT_TYPES.contains(type) ? Optional.of(ResourceKind.ACCOUNT) : Optional.empty();
    }

    /**
     * A set's variables with names for ids.
     *
     * @param actionNames action id to name, from the process the variables belong with
     * @param ownerNames  process owner id (a project's) to name
     * @param strict      whether an id without a name is an error (the source) or kept as it is (a target's own)
     */
    static List<VariableContent> toContent(VariableSetResource set, NameIndex index, Map<String, String> actionNames,
                                           Map<String, String> ownerNames, boolean strict) {
        Map<String, Map<String, String>> lookups = scopeLookups(set.scopeValues());
        List<VariableContent> out = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (VariableResource v : set.variables() == null ? List.<VariableResource>of() : set.variables()) {
            Map<String, List<String>> scope = new LinkedHashMap<>();
            if (v.scope() != null) {
                v.scope().forEach((key, ids) -> scope.put(key, ids.stream().map(id -> {
                    Optional<String> name = switch (key) {
                        case ENVIRONMENT -> index.name(ResourceKind.ENVIRONMENT, id);
                        case CHANNEL -> index.name(ResourceKind.CHANNEL, id);
                        case ACTION -> Optional.ofNullable(actionNames.get(id));
                        case PROCESS_OWNER -> Optional.ofNullable(ownerNames.get(id));
                        case "Role", "TenantTag" -> Optional.of(id);
                        default -> Optional.empty();
                    };
                    return name.or(() -> Optional.ofNullable(lookups.getOrDefault(key, Map.of()).get(id)))
                            .orElseGet(() -> {
                                unknown.add("variable '" + v.name() + "' is scoped to " + key + " " + id);
                                return id;
                            });
                }).toList()));
            }
            boolean sensitive = Boolean.TRUE.equals(v.isSensitive());
            String value = v.value();
            Optional<ResourceKind> kind = valueKind(v.type());
            if (kind.isPresent() && value != null && !value.startsWith("#{")) {
                String id = value;
                value = index.name(kind.get(), id).orElseGet(() -> {
                    unknown.add("variable '" + v.name() + "' holds " + kind.get().words() + " " + id);
                    return id;
                });
            }
            out.add(new VariableContent(v.name(), value, v.type(), sensitive, v.description(), scope, v.prompt()));
        }
        if (strict && !unknown.isEmpty()) {
            throw CopyProblems.sourceInconsistent(unknown);
        }
        return out;
    }

    private static Map<String, Map<String, String>> scopeLookups(VariableScopeValues values) {
        Map<String, Map<String, String>> out = new HashMap<>();
        if (values == null) {
            return out;
        }
        out.put(ENVIRONMENT, byId(values.environments()));
        out.put(MACHINE, byId(values.machines()));
        out.put(ACTION, byId(values.actions()));
        out.put(CHANNEL, byId(values.channels()));
        out.put(PROCESS_OWNER, byId(values.processes()));
        return out;
    }

    private static Map<String, String> byId(List<ReferenceDataItem> items) {
        Map<String, String> out = new HashMap<>();
        if (items != null) {
            items.forEach(i -> out.put(i.id(), i.name()));
        }
        return out;
    }

    /**
     * The scope with the target's ids, or empty when the variable does not apply on the target: every environment
     * (or channel, action, machine) it is limited to is absent there, so unscoping it would widen it.
     */
    static Optional<Map<String, List<String>>> scopeToIds(Map<String, List<String>> scope, NameIndex target,
                                                          Map<String, String> actionIds, String projectId) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : scope.entrySet()) {
            List<String> ids = new ArrayList<>();
            for (String name : e.getValue()) {
                Optional<String> id = switch (e.getKey()) {
                    case ENVIRONMENT -> target.id(ResourceKind.ENVIRONMENT, name);
                    case CHANNEL -> target.id(ResourceKind.CHANNEL, name);
                    case ACTION -> Optional.ofNullable(actionIds.get(StepTranslation.lower(name)));
                    case PROCESS_OWNER -> Optional.ofNullable(projectId);
                    case "Role", "TenantTag" -> Optional.of(name);
                    default -> Optional.empty(); // machines and tenants are the target's own
                };
                id.ifPresent(ids::add);
            }
            if (ids.isEmpty()) {
                return Optional.empty();
            }
            out.put(e.getKey(), ids);
        }
        return Optional.of(out);
    }
}
