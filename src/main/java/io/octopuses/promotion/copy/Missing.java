package io.octopuses.promotion.copy;

/**
 * Something the release needs that the target does not have and an import will not create.
 *
 * @param kind     what it is
 * @param name     its name (as on the source)
 * @param neededBy what needs it, e.g. {@code action 'Deploy Payments API'} or {@code variable Azure.Account}
 */
public record Missing(ResourceKind kind, String name, String neededBy) {

    /** E.g. "worker pool 'Linux workers' (needed by action 'Smoke test')". */
    public String describe() {
        return kind.words() + " '" + name + "' (needed by " + neededBy + ")";
    }
}
