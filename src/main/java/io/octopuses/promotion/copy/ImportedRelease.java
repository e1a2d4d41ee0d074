package io.octopuses.promotion.copy;

/**
 * The release on the target.
 *
 * @param releaseId its id on the target (e.g. {@code Releases-12}), for deploying it
 * @param projectId its project's id on the target
 * @param version   the version, as on the source
 * @param created   false when an identical release was already there and is reused
 */
public record ImportedRelease(String releaseId, String projectId, String version, boolean created) {
}
