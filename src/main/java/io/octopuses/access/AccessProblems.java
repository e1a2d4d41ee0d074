package io.octopuses.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.octopuses.access.desired.Validation;
import io.octopuses.problem.DomainException;
import io.octopuses.problem.ProblemKind;

/** The access capability's domain errors, each saying what was wrong and what to do. */
public final class AccessProblems {

    private AccessProblems() {
    }

    /**
     * A desired state with errors: {@code field} is the first one's path, {@code errors} lists them all
     * ({@code path}, {@code message}), {@code notChecked} the targeted servers whose names could not be checked.
     */
    public static DomainException invalidState(Validation validation) {
        Validation.Finding first = validation.errors().get(0);
        int count = validation.errors().size();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("field", first.path());
        properties.put("errors", findings(validation.errors()));
        properties.put("warnings", findings(validation.warnings()));
        properties.put("notChecked", validation.notChecked().stream()
                .map(server -> Map.of("server", server.server(), "reason", server.reason())).toList());
        return new DomainException(ProblemKind.INVALID, "invalid-desired-state", "Unusable desired state",
                (count == 1 ? "The desired state has an error: " : "The desired state has " + count + " errors; the first: ")
                        + first.path() + ": " + first.message(),
                "Correct every path listed in 'errors' and send the whole document again; nothing was stored.",
                properties);
    }

    /** A request header or parameter that cannot be used ({@code field} names it). */
    public static DomainException invalid(String field, String detail, String fix) {
        return new DomainException(ProblemKind.INVALID, "invalid-desired-state", "Unusable desired state", detail, fix,
                Map.of("field", field));
    }

    public static DomainException changed(Long expected, long current) {
        return new DomainException(ProblemKind.CONFLICT, "desired-state-changed", "The desired state has changed",
                (expected == null ? "Another import was stored at the same time" : "You expected version " + expected)
                        + "; the current version is " + current + ".",
                "Read it again with GET /api/v1/access/desired-state, merge your change, and send it with "
                        + "If-Match: \"" + current + "\".",
                Map.of("currentVersion", current));
    }

    public static DomainException versionNotFound(long version) {
        return new DomainException(ProblemKind.NOT_FOUND, "desired-state-version-not-found", "No such version",
                "The desired state has no version " + version + ".",
                "List the versions with GET /api/v1/access/desired-state/history.");
    }

    private static List<Map<String, String>> findings(List<Validation.Finding> findings) {
        return findings.stream().map(finding -> Map.of("path", finding.path(), "message", finding.message())).toList();
    }
}
