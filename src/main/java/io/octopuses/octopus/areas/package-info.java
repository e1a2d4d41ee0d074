/**
 * What can be said to an Octopus server, one interface per area of its REST API ({@link
 * io.octopuses.octopus.areas.ProjectsApi}, {@link io.octopuses.octopus.areas.SystemApi}, ...), with the small value
 * types their calls take or return ({@link io.octopuses.octopus.areas.TaskQuery},
 * {@link io.octopuses.octopus.areas.HealthStatus}, {@link io.octopuses.octopus.areas.NodePing},
 * {@link io.octopuses.octopus.areas.PackagesApi.OverwriteMode}). Get them from an
 * {@link io.octopuses.octopus.OctopusClient}, never build them.
 *
 * <p>Part of the octopus module's published API: other modules use these types (a named interface once Spring
 * Modulith verifies the modules).
 */
package io.octopuses.octopus.areas;
