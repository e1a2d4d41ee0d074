package io.octopuses.access.desired;

import java.util.List;

/**
 * What validating a desired state found: errors (the document is refused), warnings (it is accepted, but something
 * will not take effect everywhere) and, for each server a grant targets, whether its names could be checked.
 *
 * @param errors   each with the exact path in the document, e.g. {@code teams[2].grants[0].role}
 * @param warnings same shape; they do not block an import
 * @param servers  every targeted server: checked, or why not (DISCONNECTED, unreachable, too slow)
 */
public record Validation(List<Finding> errors, List<Finding> warnings, List<ServerCheck> servers) {

    public Validation {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        servers = List.copyOf(servers);
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    public List<ServerCheck> notChecked() {
        return servers.stream().filter(server -> !server.checked()).toList();
    }

    /** One problem, where it is in the document and what is wrong. */
    public record Finding(String path, String message) {
    }

    /** Whether the names a targeted server should know were checked against it, and why not. */
    public record ServerCheck(String server, boolean checked, String reason) {
    }
}
