package io.octopuses.octopus;

import java.util.List;
import java.util.stream.Stream;

import io.octopuses.octopus.areas.AccountsApi;
import io.octopuses.octopus.areas.ActionTemplatesApi;
import io.octopuses.octopus.areas.ArtifactsApi;
import io.octopuses.octopus.areas.CertificatesApi;
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
import io.octopuses.octopus.areas.RunbooksApi;
import io.octopuses.octopus.areas.ScopedUserRolesApi;
import io.octopuses.octopus.areas.TasksApi;
import io.octopuses.octopus.areas.TeamsApi;
import io.octopuses.octopus.areas.VariablesApi;
import io.octopuses.octopus.areas.WorkerPoolsApi;
import io.octopuses.octopus.resources.ResourceCollection;

/**
 * One space of one Octopus server: every area Octopus serves under {@code /api/{spaceId}/...}, with the space already
 * in each request, so no call takes a space id. Get one from {@link OctopusClient#space(String)}, by id or by name:
 * <pre>{@code
 * SpaceClient space = octopus.space("Default");
 * ProjectResource payments = space.projects().get("payments");
 * List<EnvironmentResource> environments = space.environments().all();
 * }</pre>
 * The server's own areas (system, spaces, users, user roles) stay on {@link OctopusClient}; tasks, teams and scoped
 * user roles are on both, as Octopus serves them both ways. Same transport, errors, retries, bounds and key
 * redaction as the server's client. Thread-safe, cheap, and kept by its {@link OctopusClient}: ask it again rather
 * than holding one.
 */
public interface SpaceClient {

    /** The space's id as the server spells it, e.g. {@code Spaces-1}. */
    String spaceId();

    /** The space's name when it was looked up, e.g. {@code Default}. */
    String spaceName();

    /** The client of the server this space is on. */
    OctopusClient server();

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

    WorkerPoolsApi workerPools();

    AccountsApi accounts();

    CertificatesApi certificates();

    PackagesApi packages();

    ReleasesApi releases();

    DeploymentsApi deployments();

    /** The projects' runbooks, their processes, snapshots and runs. */
    RunbooksApi runbooks();

    InterruptionsApi interruptions();

    ArtifactsApi artifacts();

    /** This space's tasks ({@code /api/{spaceId}/tasks}). */
    TasksApi tasks();

    /** This space's teams ({@code /api/{spaceId}/teams}); a team created here belongs to the space. */
    TeamsApi teams();

    /** Roles given to teams in this space ({@code /api/{spaceId}/scopeduserroles}). */
    ScopedUserRolesApi scopedUserRoles();

    /** {@link OctopusClient#readAll}: every item of a paged list of this space. */
    default <T> List<T> readAll(ResourceCollection<T> firstPage, Class<T> itemType) {
        return server().readAll(firstPage, itemType);
    }

    /** {@link OctopusClient#streamAll}: every item of a paged list of this space, a page fetched when reached. */
    default <T> Stream<T> streamAll(ResourceCollection<T> firstPage, Class<T> itemType) {
        return server().streamAll(firstPage, itemType);
    }
}
