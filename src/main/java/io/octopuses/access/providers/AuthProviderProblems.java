package io.octopuses.access.providers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.octopuses.problem.DomainException;
import io.octopuses.problem.ProblemKind;

/** Auth-provider consistency's domain errors, each saying what was wrong and what to do. */
public final class AuthProviderProblems {

    private static final String STANDARD = "/api/v1/access/auth-providers/standard";

    private AuthProviderProblems() {
    }

    /** A standard with errors: {@code field} is the first one's path, {@code errors} lists them all. */
    static DomainException invalidStandard(List<StandardCheck.Finding> errors) {
        StandardCheck.Finding first = errors.get(0);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("field", first.path());
        properties.put("errors", errors.stream()
                .map(error -> Map.of("path", error.path(), "message", error.message())).toList());
        return new DomainException(ProblemKind.INVALID, "invalid-auth-provider-standard", "Unusable auth-provider standard",
                (errors.size() == 1 ? "The standard has an error: " : "The standard has " + errors.size()
                        + " errors; the first: ") + first.path() + ": " + first.message(),
                "Correct every path listed in 'errors' and send the whole document again; nothing was stored.",
                properties);
    }

    /** A request header or parameter that cannot be used ({@code field} names it). */
    public static DomainException invalid(String field, String detail, String fix) {
        return new DomainException(ProblemKind.INVALID, "invalid-auth-provider-request", "Unusable request", detail, fix,
                Map.of("field", field));
    }

    static DomainException changed(Long expected, long current) {
        return new DomainException(ProblemKind.CONFLICT, "auth-provider-standard-changed", "The standard has changed",
                (expected == null ? "Another change was stored at the same time" : "You expected version " + expected)
                        + "; the current version is " + current + ".",
                "Read it again with GET " + STANDARD + ", merge your change, and send it with If-Match: \"" + current + "\".",
                Map.of("currentVersion", current));
    }

    static DomainException versionNotFound(long version) {
        return new DomainException(ProblemKind.NOT_FOUND, "auth-provider-standard-version-not-found", "No such version",
                "The auth-provider standard has no version " + version + ".",
                "List the versions with GET " + STANDARD + "/history.");
    }

    static DomainException noStandard() {
        return new DomainException(ProblemKind.CONFLICT, "no-auth-provider-standard", "No auth-provider standard yet",
                "The farm has no auth-provider standard to compare the servers with.",
                "Store one first with PUT " + STANDARD + " (farm admins).");
    }

    static DomainException notTargeted(List<String> servers) {
        return invalid("servers", "The standard does not apply to " + servers + ".",
                "Ask only for servers the standard's 'servers' selection covers, or leave 'servers' out for all of them.");
    }
}
