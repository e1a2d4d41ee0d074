package io.octopuses.octopus;

import java.util.List;
import java.util.stream.Stream;

import io.octopuses.octopus.areas.ConfigurationApi;
import io.octopuses.octopus.areas.ScopedUserRolesApi;
import io.octopuses.octopus.areas.SpacesApi;
import io.octopuses.octopus.areas.SystemApi;
import io.octopuses.octopus.areas.TasksApi;
import io.octopuses.octopus.areas.TeamsApi;
import io.octopuses.octopus.areas.UserRolesApi;
import io.octopuses.octopus.areas.UsersApi;
import io.octopuses.octopus.resources.ResourceCollection;

/**
 * Everything this application says to one Octopus Deploy server. Get one from
 * {@link OctopusClients#connect(OctopusConnection)} (capabilities get theirs from the farm, by server slug). The
 * server's own areas are here; what lives in a space is on its {@link SpaceClient}:
 * <pre>{@code
 * HealthStatus health = octopus.system().health();
 * ProjectResource payments = octopus.space("Default").projects().get("payments");
 * }</pre>
 *
 * <p>Failures are unchecked {@link io.octopuses.octopus.errors.OctopusApiException}s; idempotent reads are retried
 * on I/O errors and 5xx, any call on 429/503. Thread-safe.
 */
public interface OctopusClient {

    /** The server this client talks to (the key hidden in {@code toString}). */
    OctopusConnection connection();

    /**
     * One space of this server, by id ({@code Spaces-1}) or name ({@code Default}), ids matched first and both
     * without regard to case. The server's list of spaces is read on first use and kept; it is read again only when
     * a space is not in it (one created since). The space client is kept too: asking again, by id or by name, gives
     * the same one.
     *
     * @throws io.octopuses.octopus.errors.OctopusSpaceNotFoundException when the server (as far as the API key may
     *                                                                    see) has no such space
     */
    SpaceClient space(String spaceIdOrName);

    SystemApi system();

    SpacesApi spaces();

    UsersApi users();

    UserRolesApi userRoles();

    /** Teams of every space and system teams ({@code /api/teams}); a space's alone: {@link SpaceClient#teams()}. */
    TeamsApi teams();

    /** Roles given to teams, in every space ({@code /api/scopeduserroles}). */
    ScopedUserRolesApi scopedUserRoles();

    /** The server's configuration sections ({@code /api/configuration}): authentication providers and others. */
    ConfigurationApi configuration();

    /** Tasks of every space and system tasks ({@code /api/tasks}): any task id can be followed here. */
    TasksApi tasks();

    /**
     * Every item of a paged list, following {@code Page.Next} from {@code firstPage}. Prefer an {@code all()} call
     * where the resource has one (environments, projects, lifecycles, feeds, teams, ...): one request instead of many.
     */
    <T> List<T> readAll(ResourceCollection<T> firstPage, Class<T> itemType);

    /** Like {@link #readAll} but lazy: a page is fetched when the stream reaches it. */
    <T> Stream<T> streamAll(ResourceCollection<T> firstPage, Class<T> itemType);
}
