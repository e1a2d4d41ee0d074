/**
 * Octopus's JSON as records: PascalCase on the wire, unknown fields ignored, updatable resources keeping unmodelled
 * properties in {@code other()} so a read-modify-PUT never drops a field. {@link
 * io.octopuses.octopus.resources.ResourceCollection} is one page of a list; {@link
 * io.octopuses.octopus.resources.OctopusJson} reads and writes these records exactly as the client does. Only data:
 * no Feign, no HTTP ({@code OctopusPackageRulesTest}).
 *
 * <p>Part of the octopus module's published API: other modules read and build these types.
 */
@NamedInterface("resources")
package io.octopuses.octopus.resources;

import org.springframework.modulith.NamedInterface;
