package io.octopuses.promotion.copy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.octopuses.octopus.resources.DeploymentProcessResource;
import io.octopuses.octopus.resources.DeploymentStepResource;
import io.octopuses.octopus.resources.OctopusJson;

/**
 * Turns a deployment process's ids into names (on the source) and names back into ids (on the target), on the JSON
 * tree Octopus sends, so fields this code does not model travel untouched.
 */
final class StepTranslation {

    static final String TEMPLATE_ID = "Octopus.Action.Template.Id";
    static final String TEMPLATE_VERSION = "Octopus.Action.Template.Version";
    /** The kinds an action property may hold the id of. */
    private static final Set<ResourceKind> PROPERTY_KINDS = Set.of(ResourceKind.ACCOUNT, ResourceKind.CERTIFICATE,
            ResourceKind.WORKER_POOL, ResourceKind.FEED, ResourceKind.ENVIRONMENT, ResourceKind.STEP_TEMPLATE);
    private static final ObjectMapper MAPPER = OctopusJson.mapper();

    private StepTranslation() {
    }

    /** Steps with names where the source had ids, and the properties that named something. */
    record Named(List<DeploymentStepResource> steps, List<ReleaseContent.Reference> references) {
    }

    /** Steps with the target's ids, and every name the target lacks (kind, name, where). */
    record Resolved(List<DeploymentStepResource> steps, List<Missing> missing) {
    }

    /** Source side. Throws when the process names something the source itself no longer has. */
    static Named toNames(List<DeploymentStepResource> steps, NameIndex source) {
        List<ReleaseContent.Reference> references = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<DeploymentStepResource> named = new ArrayList<>();
        for (DeploymentStepResource step : steps) {
            ObjectNode node = MAPPER.valueToTree(step);
            String stepName = step.name();
            node.remove(List.of("Id", "Slug"));
            namedProperties(node.path("Properties"), source, stepName, null, references);
            for (JsonNode action : node.path("Actions")) {
                ObjectNode a = (ObjectNode) action;
                String actionName = a.path("Name").asText();
                a.remove(List.of("Id", "Slug"));
                Consumer<String> missing = id -> unknown.add("action '" + actionName + "' refers to " + id);
                mapArray(a, "Environments", id -> source.name(ResourceKind.ENVIRONMENT, id), missing);
                mapArray(a, "ExcludedEnvironments", id -> source.name(ResourceKind.ENVIRONMENT, id), missing);
                mapArray(a, "Channels", id -> source.name(ResourceKind.CHANNEL, id), missing);
                mapText(a, "WorkerPoolId", id -> source.name(ResourceKind.WORKER_POOL, id), missing);
                if (a.path("Container").isObject()) {
                    mapText((ObjectNode) a.get("Container"), "FeedId", id -> source.name(ResourceKind.FEED, id), missing);
                }
                for (JsonNode pkg : a.path("Packages")) {
                    ((ObjectNode) pkg).remove("Id");
                    mapText((ObjectNode) pkg, "FeedId", id -> source.name(ResourceKind.FEED, id), missing);
                }
                namedProperties(a.path("Properties"), source, stepName, actionName, references);
            }
            named.add(MAPPER.convertValue(node, DeploymentStepResource.class));
        }
        if (!unknown.isEmpty()) {
            throw CopyProblems.sourceInconsistent(unknown);
        }
        return new Named(named, references);
    }

    private static void namedProperties(JsonNode properties, NameIndex source, String stepName, String actionName,
                                        List<ReleaseContent.Reference> references) {
        if (!(properties instanceof ObjectNode props)) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            if (!property.getValue().isTextual()) {
                continue;
            }
            String value = property.getValue().asText();
            Optional<Map.Entry<ResourceKind, String>> found = source.lookup(value)
                    .filter(e -> PROPERTY_KINDS.contains(e.getKey()));
            if (found.isPresent()) {
                property.setValue(props.textNode(found.get().getValue()));
                references.add(new ReleaseContent.Reference(stepName, actionName, property.getKey(),
                        found.get().getKey(), found.get().getValue()));
            }
        }
    }

    /**
     * Target side: the bundle's steps with the target's ids. Steps and actions keep the ids they have on the target
     * (matched by name), so scoped variables and history stay attached. An action limited to environments none of
     * which the target has is imported disabled: it must not start running everywhere.
     *
     * @param templateVersions the target's version of each step template, by name (absent: not there yet)
     */
    static Resolved toIds(ReleaseContent content, NameIndex target, DeploymentProcessResource current,
                          Map<String, Integer> templateVersions) {
        Map<String, String> stepIds = new HashMap<>();
        Map<String, String> actionIds = new HashMap<>();
        if (current != null && current.steps() != null) {
            for (DeploymentStepResource step : current.steps()) {
                stepIds.put(lower(step.name()), step.id());
                if (step.actions() != null) {
                    step.actions().forEach(a -> actionIds.put(lower(a.name()), a.id()));
                }
            }
        }
        Map<String, ReleaseContent.Reference> references = new LinkedHashMap<>();
        content.references().forEach(r -> references.put(refKey(r.stepName(), r.actionName(), r.property()), r));
        List<Missing> missing = new ArrayList<>();
        List<DeploymentStepResource> resolved = new ArrayList<>();
        for (DeploymentStepResource step : content.steps()) {
            ObjectNode node = MAPPER.valueToTree(step);
            String stepName = step.name();
            putIfPresent(node, "Id", stepIds.get(lower(stepName)));
            idProperties(node.path("Properties"), references, stepName, null, target, missing);
            for (JsonNode action : node.path("Actions")) {
                ObjectNode a = (ObjectNode) action;
                String actionName = a.path("Name").asText();
                String where = "action '" + actionName + "'";
                putIfPresent(a, "Id", actionIds.get(lower(actionName)));
                boolean limited = a.path("Environments").size() > 0;
                mapArray(a, "Environments", name -> target.id(ResourceKind.ENVIRONMENT, name), name -> { });
                mapArray(a, "ExcludedEnvironments", name -> target.id(ResourceKind.ENVIRONMENT, name), name -> { });
                if (limited && a.path("Environments").isEmpty()) {
                    a.put("IsDisabled", true);
                }
                mapArray(a, "Channels", name -> target.id(ResourceKind.CHANNEL, name),
                        name -> missing.add(new Missing(ResourceKind.CHANNEL, name, where)));
                mapText(a, "WorkerPoolId", name -> target.id(ResourceKind.WORKER_POOL, name),
                        name -> missing.add(new Missing(ResourceKind.WORKER_POOL, name, where)));
                if (a.path("Container").isObject()) {
                    mapText((ObjectNode) a.get("Container"), "FeedId", name -> target.id(ResourceKind.FEED, name),
                            name -> missing.add(new Missing(ResourceKind.FEED, name, where)));
                }
                for (JsonNode pkg : a.path("Packages")) {
                    mapText((ObjectNode) pkg, "FeedId", name -> target.id(ResourceKind.FEED, name),
                            name -> missing.add(new Missing(ResourceKind.FEED, name, where)));
                }
                idProperties(a.path("Properties"), references, stepName, actionName, target, missing);
                JsonNode template = a.path("Properties").path(TEMPLATE_ID);
                ReleaseContent.Reference templateRef = references.get(refKey(stepName, actionName, TEMPLATE_ID));
                if (template.isTextual() && templateRef != null && templateVersions.containsKey(lower(templateRef.name()))) {
                    ((ObjectNode) a.get("Properties")).put(TEMPLATE_VERSION,
                            String.valueOf(templateVersions.get(lower(templateRef.name()))));
                }
            }
            resolved.add(MAPPER.convertValue(node, DeploymentStepResource.class));
        }
        return new Resolved(resolved, missing);
    }

    private static void idProperties(JsonNode properties, Map<String, ReleaseContent.Reference> references,
                                     String stepName, String actionName, NameIndex target, List<Missing> missing) {
        if (!(properties instanceof ObjectNode props)) {
            return;
        }
        for (ReleaseContent.Reference ref : references.values()) {
            if (!ref.stepName().equals(stepName) || !java.util.Objects.equals(ref.actionName(), actionName)
                    || !props.has(ref.property())) {
                continue;
            }
            Optional<String> id = target.id(ref.kind(), ref.name());
            if (id.isPresent()) {
                props.put(ref.property(), id.get());
            } else if (ref.kind() != ResourceKind.STEP_TEMPLATE) { // templates travel in the bundle
                missing.add(new Missing(ref.kind(), ref.name(),
                        (actionName == null ? "step '" + stepName : "action '" + actionName) + "' (" + ref.property() + ")"));
            }
        }
    }

    /**
     * The parts of steps that say what a deployment does, for comparing two processes: ids, slugs and the template
     * version (a server's own counter; template contents are compared on their own) left out. By step name.
     */
    static Map<String, JsonNode> canonical(List<DeploymentStepResource> steps) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (DeploymentStepResource step : steps == null ? List.<DeploymentStepResource>of() : steps) {
            ObjectNode node = MAPPER.valueToTree(step);
            node.remove(List.of("Id", "Slug", "Links"));
            for (JsonNode action : node.path("Actions")) {
                ((ObjectNode) action).remove(List.of("Id", "Slug"));
                if (action.path("Properties") instanceof ObjectNode props) {
                    props.remove(TEMPLATE_VERSION);
                }
                for (JsonNode pkg : action.path("Packages")) {
                    ((ObjectNode) pkg).remove("Id");
                }
            }
            out.put(step.name(), node);
        }
        return out;
    }

    private static void mapArray(ObjectNode node, String field, java.util.function.Function<String, Optional<String>> map,
                                 Consumer<String> missing) {
        if (!(node.get(field) instanceof ArrayNode values)) {
            return;
        }
        ArrayNode out = node.arrayNode();
        for (JsonNode value : values) {
            Optional<String> mapped = map.apply(value.asText());
            if (mapped.isPresent()) {
                out.add(mapped.get());
            } else {
                missing.accept(value.asText());
            }
        }
        node.set(field, out);
    }

    private static void mapText(ObjectNode node, String field, java.util.function.Function<String, Optional<String>> map,
                                Consumer<String> missing) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty() || value.asText().startsWith("#{")) {
            return;
        }
        Optional<String> mapped = map.apply(value.asText());
        if (mapped.isPresent()) {
            node.put(field, mapped.get());
        } else {
            missing.accept(value.asText());
        }
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        } else {
            node.remove(field);
        }
    }

    private static String refKey(String step, String action, String property) {
        return lower(step) + "|" + (action == null ? "" : lower(action)) + "|" + property;
    }

    static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
