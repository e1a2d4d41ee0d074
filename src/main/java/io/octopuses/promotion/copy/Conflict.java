package io.octopuses.promotion.copy;

/**
 * Something on the target that contradicts the release and that an import will not overwrite.
 *
 * @param type   a stable problem type: {@code release-conflict}, {@code project-not-managed}, {@code package-conflict}
 * @param detail what clashes, and what to do about it
 */
public record Conflict(String type, String detail) {
}
