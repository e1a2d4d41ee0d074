package io.octopuses.promotion.copy;

import java.util.List;

/**
 * Everything a target lacks for a release, all at once, and what importing it would change.
 *
 * @param environmentName           the environment the release is to be deployed to
 * @param missing                   what the target must provide first (environment, lifecycle or a phase with the
 *                                  environment, feed, worker pool, account, certificate, ...)
 * @param missingSensitiveVariables sensitive variables the target has no value for: a person must enter them
 * @param changes                   what the import would change on the target
 * @param conflicts                 what the import will not overwrite (a different release with the same version, a
 *                                  project with that slug not managed by Octopuses, a package with another hash)
 */
public record PreflightReport(String environmentName, List<Missing> missing,
                              List<SensitiveVariable> missingSensitiveVariables, ChangeSummary changes,
                              List<Conflict> conflicts) {

    public PreflightReport {
        missing = List.copyOf(missing);
        missingSensitiveVariables = List.copyOf(missingSensitiveVariables);
        conflicts = List.copyOf(conflicts);
    }

    /** Nothing missing, no sensitive value missing, no conflict. */
    public boolean canImport() {
        return missing.isEmpty() && missingSensitiveVariables.isEmpty() && conflicts.isEmpty();
    }

    /**
     * Whether the only thing in the way is sensitive values a person can enter (the target approval form): then
     * {@link ReleaseImporter#applyProject} with those values succeeds.
     */
    public boolean onlySensitiveValuesMissing() {
        return missing.isEmpty() && conflicts.isEmpty() && !missingSensitiveVariables.isEmpty();
    }
}
