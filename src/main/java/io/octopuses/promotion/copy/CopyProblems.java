package io.octopuses.promotion.copy;

import java.util.List;
import java.util.Map;

import io.octopuses.problem.DomainException;
import io.octopuses.problem.ProblemKind;

/** The domain exceptions of export and import, each saying what was wrong and what to do. */
final class CopyProblems {

    static final String RELEASE_CONFLICT = "release-conflict";
    static final String PROJECT_NOT_MANAGED = "project-not-managed";
    static final String PACKAGE_CONFLICT = "package-conflict";

    private CopyProblems() {
    }

    /** What the read answered, or empty when Octopus said 404. */
    static <T> java.util.Optional<T> ifFound(java.util.function.Supplier<T> read) {
        try {
            return java.util.Optional.ofNullable(read.get());
        } catch (io.octopuses.octopus.errors.OctopusNotFoundException e) {
            return java.util.Optional.empty();
        }
    }

    static DomainException notFound(String type, String title, String detail, String fix) {
        return new DomainException(ProblemKind.NOT_FOUND, type, title, detail, fix);
    }

    static DomainException sourceInconsistent(List<String> unknown) {
        return new DomainException(ProblemKind.REFUSED, "release-references-unknown", "Release refers to missing resources",
                "The release's process refers to resources the source server no longer has: " + String.join("; ", unknown) + ".",
                "Fix the references on the source (or create a new release there), then export again.",
                Map.of("references", unknown));
    }

    static DomainException conflict(Conflict conflict, String title, String fix) {
        return new DomainException(ProblemKind.CONFLICT, conflict.type(), title, conflict.detail(), fix);
    }

    static DomainException targetIncomplete(List<Missing> missing, List<Conflict> conflicts) {
        List<String> lines = new java.util.ArrayList<>();
        missing.forEach(m -> lines.add("missing " + m.describe()));
        conflicts.forEach(c -> lines.add(c.detail()));
        if (missing.isEmpty() && conflicts.size() == 1) {
            return conflict(conflicts.get(0), "Import conflicts with the target",
                    "Resolve the conflict on the target, then run the import again.");
        }
        return new DomainException(missing.isEmpty() ? ProblemKind.CONFLICT : ProblemKind.REFUSED, "target-not-ready",
                "Target not ready for the import",
                "The target cannot take the release yet: " + String.join("; ", lines) + ".",
                "Create what is missing on the target (same names as on the source) and resolve the conflicts, then run "
                        + "the import again; nothing was changed.",
                Map.of("problems", lines));
    }

    static DomainException sensitiveValuesMissing(List<SensitiveVariable> missing) {
        List<String> keys = missing.stream().map(SensitiveVariable::key).toList();
        return new DomainException(ProblemKind.INVALID, "sensitive-values-missing", "Sensitive values missing",
                "The target has no value for these sensitive variables and none was given: " + String.join(", ", keys) + ".",
                "Enter a value for each of them (or set them on the target), then run the import again; nothing was changed.",
                Map.of("variables", keys));
    }
}
