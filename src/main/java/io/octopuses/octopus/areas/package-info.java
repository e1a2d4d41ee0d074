/**
 * What can be said to an Octopus server, one interface per area of its REST API ({@link
 * io.octopuses.octopus.areas.ProjectsApi}, {@link io.octopuses.octopus.areas.SystemApi}, ...), with the small value
 * types their calls take or return ({@link io.octopuses.octopus.areas.TaskQuery},
 * {@link io.octopuses.octopus.areas.HealthStatus}, {@link io.octopuses.octopus.areas.NodePing},
 * {@link io.octopuses.octopus.areas.PackagesApi.OverwriteMode}). Get them from an
 * {@link io.octopuses.octopus.OctopusClient} (the server's areas) or a {@link io.octopuses.octopus.SpaceClient} (a
 * space's), never build them.
 *
 * <p>Request lines are relative to an API root: {@code {base}/api} for the server's areas, {@code {base}/api/{spaceId}}
 * for a space's. That is why no call takes a space id, and why {@code TasksApi}, {@code TeamsApi} and
 * {@code ScopedUserRolesApi}, which Octopus serves both ways, are one interface on both clients. Octopus's legacy
 * default-space routes ({@code /api/projects} without a space) are not used.
 *
 * <p>Part of the octopus module's published API: other modules use these types.
 */
@NamedInterface("areas")
package io.octopuses.octopus.areas;

import org.springframework.modulith.NamedInterface;
