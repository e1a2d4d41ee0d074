package io.octopuses.octopus;

import java.util.List;
import java.util.stream.Stream;

/**
 * Everything this application says to one Octopus Deploy server, grouped by area. Get one from
 * {@link OctopusClients#connect(OctopusConnection)}. Space-scoped calls take the space id ({@code Spaces-1}).
 *
 * <p>Failures are unchecked {@link OctopusApiException}s; idempotent reads are retried on I/O errors and 5xx, any
 * call on 429/503. Thread-safe.
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
