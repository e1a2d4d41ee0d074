package io.octopuses.octopus;

import java.util.List;
import java.util.stream.Stream;

import io.octopuses.octopus.areas.ActionTemplatesApi;
import io.octopuses.octopus.areas.ArtifactsApi;
import io.octopuses.octopus.areas.ChannelsApi;
import io.octopuses.octopus.areas.DeploymentProcessesApi;
import io.octopuses.octopus.areas.DeploymentsApi;
import io.octopuses.octopus.areas.EnvironmentsApi;
import io.octopuses.octopus.areas.FeedsApi;
import io.octopuses.octopus.areas.InterruptionsApi;
import io.octopuses.octopus.areas.LibraryVariableSetsApi;
import io.octopuses.octopus.areas.LifecyclesApi;
import io.octopuses.octopus.areas.PackagesApi;
import io.octopuses.octopus.areas.ProjectGroupsApi;
import io.octopuses.octopus.areas.ProjectsApi;
import io.octopuses.octopus.areas.ReleasesApi;
import io.octopuses.octopus.areas.ScopedUserRolesApi;
import io.octopuses.octopus.areas.SpacesApi;
import io.octopuses.octopus.areas.SystemApi;
import io.octopuses.octopus.areas.TasksApi;
import io.octopuses.octopus.areas.TeamsApi;
import io.octopuses.octopus.areas.UserRolesApi;
import io.octopuses.octopus.areas.UsersApi;
import io.octopuses.octopus.areas.VariablesApi;
import io.octopuses.octopus.resources.ResourceCollection;

/**
 * Everything this application says to one Octopus Deploy server, grouped by area. Get one from
 * {@link OctopusClients#connect(OctopusConnection)}. Space-scoped calls take the space id ({@code Spaces-1}).
 *
 * <p>Failures are unchecked {@link io.octopuses.octopus.errors.OctopusApiException}s; idempotent reads are retried
 * on I/O errors and 5xx, any call on 429/503. Thread-safe.
 */
public interface OctopusClient {

    /** The server this client talks to (the key hidden in {@code toString}). */
    OctopusConnection connection();

    SystemApi system();

    SpacesApi spaces();

    EnvironmentsApi environments();

    ProjectGroupsApi projectGroups();

    ProjectsApi projects();

    LifecyclesApi lifecycles();

    ChannelsApi channels();

    DeploymentProcessesApi deploymentProcesses();

    VariablesApi variables();

    LibraryVariableSetsApi libraryVariableSets();

    ActionTemplatesApi actionTemplates();

    FeedsApi feeds();

    PackagesApi packages();

    ReleasesApi releases();

    DeploymentsApi deployments();

    TasksApi tasks();

    InterruptionsApi interruptions();

    ArtifactsApi artifacts();

    UsersApi users();

    TeamsApi teams();

    UserRolesApi userRoles();

    ScopedUserRolesApi scopedUserRoles();

    /**
     * Every item of a paged list, following {@code Page.Next} from {@code firstPage}. Prefer an {@code all()} call
     * where the resource has one (environments, projects, lifecycles, feeds, teams, ...): one request instead of many.
     */
    <T> List<T> readAll(ResourceCollection<T> firstPage, Class<T> itemType);

    /** Like {@link #readAll} but lazy: a page is fetched when the stream reaches it. */
    <T> Stream<T> streamAll(ResourceCollection<T> firstPage, Class<T> itemType);
}
