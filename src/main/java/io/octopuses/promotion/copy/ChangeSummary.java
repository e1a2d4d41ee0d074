package io.octopuses.promotion.copy;

import java.util.ArrayList;
import java.util.List;

/**
 * What an import changes on the target, for the person approving it. Variables by name only: a sensitive variable
 * shows as {@code name (sensitive)}, never with a value.
 *
 * @param project          {@code created}, {@code updated} or {@code unchanged}
 * @param stepsAdded       step names
 * @param stepsChanged     step names
 * @param stepsRemoved     step names
 * @param variablesAdded   variable names (with their scope), project's and library sets'
 * @param variablesChanged variable names
 * @param variablesRemoved variable names
 * @param other            channels, step templates, library variable sets and project groups created or updated
 */
public record ChangeSummary(String project, List<String> stepsAdded, List<String> stepsChanged,
                            List<String> stepsRemoved, List<String> variablesAdded, List<String> variablesChanged,
                            List<String> variablesRemoved, List<String> other) {

    public ChangeSummary {
        stepsAdded = List.copyOf(stepsAdded);
        stepsChanged = List.copyOf(stepsChanged);
        stepsRemoved = List.copyOf(stepsRemoved);
        variablesAdded = List.copyOf(variablesAdded);
        variablesChanged = List.copyOf(variablesChanged);
        variablesRemoved = List.copyOf(variablesRemoved);
        other = List.copyOf(other);
    }

    /** Whether the import would change nothing at all. */
    public boolean isEmpty() {
        return project.equals("unchanged") && stepsAdded.isEmpty() && stepsChanged.isEmpty() && stepsRemoved.isEmpty()
                && variablesAdded.isEmpty() && variablesChanged.isEmpty() && variablesRemoved.isEmpty() && other.isEmpty();
    }

    /** One line per change, for a person: "Project: created", "Step added: Smoke test", ... */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add("Project: " + project);
        stepsAdded.forEach(s -> out.add("Step added: " + s));
        stepsChanged.forEach(s -> out.add("Step changed: " + s));
        stepsRemoved.forEach(s -> out.add("Step removed: " + s));
        variablesAdded.forEach(v -> out.add("Variable added: " + v));
        variablesChanged.forEach(v -> out.add("Variable changed: " + v));
        variablesRemoved.forEach(v -> out.add("Variable removed: " + v));
        out.addAll(other);
        return out;
    }

    @Override
    public String toString() {
        return String.join("\n", lines());
    }
}
