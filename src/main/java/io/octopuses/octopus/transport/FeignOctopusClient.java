package io.octopuses.octopus.transport;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import feign.ExceptionPropagationPolicy;
import feign.Feign;
import feign.Logger;
import feign.jackson.JacksonEncoder;
import feign.slf4j.Slf4jLogger;
import okhttp3.OkHttpClient;

import org.springframework.util.function.SingletonSupplier;

import io.octopuses.octopus.OctopusClient;
import io.octopuses.octopus.OctopusClientProperties;
import io.octopuses.octopus.OctopusConnection;
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
import io.octopuses.octopus.resources.ArtifactResource;
import io.octopuses.octopus.resources.PackageResource;
import io.octopuses.octopus.resources.ResourceCollection;

/**
 * The Feign-built client of one server: one Feign proxy per area, all sharing the same transport, codec, error
 * mapping and retry policy. Proxies are built on an area's first use, so a client opened for a health poll costs
 * only the areas the poll uses. Logging is BASIC at most (method, URL, status, time): headers would show the key.
 */
final class FeignOctopusClient implements OctopusClient {

    private final OctopusConnection connection;
    private final SingletonSupplier<SystemApi> system;
    private final SingletonSupplier<SpacesApi> spaces;
    private final SingletonSupplier<EnvironmentsApi> environments;
    private final SingletonSupplier<ProjectGroupsApi> projectGroups;
    private final SingletonSupplier<ProjectsApi> projects;
    private final SingletonSupplier<LifecyclesApi> lifecycles;
    private final SingletonSupplier<ChannelsApi> channels;
    private final SingletonSupplier<DeploymentProcessesApi> deploymentProcesses;
    private final SingletonSupplier<VariablesApi> variables;
    private final SingletonSupplier<LibraryVariableSetsApi> libraryVariableSets;
    private final SingletonSupplier<ActionTemplatesApi> actionTemplates;
    private final SingletonSupplier<FeedsApi> feeds;
    private final SingletonSupplier<PackagesApi> packages;
    private final SingletonSupplier<ReleasesApi> releases;
    private final SingletonSupplier<DeploymentsApi> deployments;
    private final SingletonSupplier<TasksApi> tasks;
    private final SingletonSupplier<InterruptionsApi> interruptions;
    private final SingletonSupplier<ArtifactsApi> artifacts;
    private final SingletonSupplier<UsersApi> users;
    private final SingletonSupplier<TeamsApi> teams;
    private final SingletonSupplier<UserRolesApi> userRoles;
    private final SingletonSupplier<ScopedUserRolesApi> scopedUserRoles;
    private final SingletonSupplier<Pages> pages;

    FeignOctopusClient(OctopusConnection connection, OctopusClientProperties properties, OkHttpClient http,
                       ObjectMapper json, Clock clock) {
        this.connection = connection;
        OctopusErrors errors = new OctopusErrors(json, connection.apiKey(), clock);
        ResponseLimit limit = new ResponseLimit(properties.maxResponseSize(), errors);
        OkHttpTransport transport = new OkHttpTransport(http, properties);
        Feign.Builder feign = Feign.builder()
                .client(transport)
                .options(OkHttpTransport.options(properties))
                .encoder(new JacksonEncoder(json))
                .decoder(new OctopusDecoder(json, errors, limit))
                .errorDecoder(new OctopusErrorDecoder(errors))
                .retryer(new OctopusRetryer(properties.retry(), errors))
                .requestInterceptor(new OctopusHeaders(connection.apiKey()))
                .responseInterceptor(new TeapotIsAState())
                .exceptionPropagationPolicy(ExceptionPropagationPolicy.UNWRAP)
                // OctopusDecoder closes what it reads and leaves streams (downloads, logs) to the caller
                .doNotCloseAfterDecode()
                .logger(new Slf4jLogger(OctopusClient.class))
                .logLevel(Logger.Level.BASIC);
        String url = connection.baseUrl().toString();
        this.system = area(feign, SystemApi.class, url);
        this.spaces = area(feign, SpacesApi.class, url);
        this.environments = area(feign, EnvironmentsApi.class, url);
        this.projectGroups = area(feign, ProjectGroupsApi.class, url);
        this.projects = area(feign, ProjectsApi.class, url);
        this.lifecycles = area(feign, LifecyclesApi.class, url);
        this.channels = area(feign, ChannelsApi.class, url);
        this.deploymentProcesses = area(feign, DeploymentProcessesApi.class, url);
        this.variables = area(feign, VariablesApi.class, url);
        this.libraryVariableSets = area(feign, LibraryVariableSetsApi.class, url);
        this.actionTemplates = area(feign, ActionTemplatesApi.class, url);
        this.feeds = area(feign, FeedsApi.class, url);
        this.releases = area(feign, ReleasesApi.class, url);
        this.deployments = area(feign, DeploymentsApi.class, url);
        this.tasks = area(feign, TasksApi.class, url);
        this.interruptions = area(feign, InterruptionsApi.class, url);
        this.users = area(feign, UsersApi.class, url);
        this.teams = area(feign, TeamsApi.class, url);
        this.userRoles = area(feign, UserRolesApi.class, url);
        this.scopedUserRoles = area(feign, ScopedUserRolesApi.class, url);
        StreamingUploads uploads = new StreamingUploads(transport.transfers(), connection, json, errors, limit,
                properties);
        this.packages = SingletonSupplier.of(
                () -> new Packages(feign.target(FeignPackages.Packages.class, url), uploads));
        this.artifacts = SingletonSupplier.of(
                () -> new Artifacts(feign.target(FeignPackages.Artifacts.class, url), uploads));
        this.pages = SingletonSupplier.of(
                () -> new Pages(connection.baseUrl(), feign.target(Pages.LinkFollower.class, url), json));
    }

    /** Feign reads an interface's annotations when it builds the proxy: do that on first use, not for every area. */
    private static <T> SingletonSupplier<T> area(Feign.Builder feign, Class<T> api, String url) {
        return SingletonSupplier.of(() -> feign.target(api, url));
    }

    @Override
    public OctopusConnection connection() {
        return connection;
    }

    @Override
    public SystemApi system() {
        return system.obtain();
    }

    @Override
    public SpacesApi spaces() {
        return spaces.obtain();
    }

    @Override
    public EnvironmentsApi environments() {
        return environments.obtain();
    }

    @Override
    public ProjectGroupsApi projectGroups() {
        return projectGroups.obtain();
    }

    @Override
    public ProjectsApi projects() {
        return projects.obtain();
    }

    @Override
    public LifecyclesApi lifecycles() {
        return lifecycles.obtain();
    }

    @Override
    public ChannelsApi channels() {
        return channels.obtain();
    }

    @Override
    public DeploymentProcessesApi deploymentProcesses() {
        return deploymentProcesses.obtain();
    }

    @Override
    public VariablesApi variables() {
        return variables.obtain();
    }

    @Override
    public LibraryVariableSetsApi libraryVariableSets() {
        return libraryVariableSets.obtain();
    }

    @Override
    public ActionTemplatesApi actionTemplates() {
        return actionTemplates.obtain();
    }

    @Override
    public FeedsApi feeds() {
        return feeds.obtain();
    }

    @Override
    public PackagesApi packages() {
        return packages.obtain();
    }

    @Override
    public ReleasesApi releases() {
        return releases.obtain();
    }

    @Override
    public DeploymentsApi deployments() {
        return deployments.obtain();
    }

    @Override
    public TasksApi tasks() {
        return tasks.obtain();
    }

    @Override
    public InterruptionsApi interruptions() {
        return interruptions.obtain();
    }

    @Override
    public ArtifactsApi artifacts() {
        return artifacts.obtain();
    }

    @Override
    public UsersApi users() {
        return users.obtain();
    }

    @Override
    public TeamsApi teams() {
        return teams.obtain();
    }

    @Override
    public UserRolesApi userRoles() {
        return userRoles.obtain();
    }

    @Override
    public ScopedUserRolesApi scopedUserRoles() {
        return scopedUserRoles.obtain();
    }

    @Override
    public <T> List<T> readAll(ResourceCollection<T> firstPage, Class<T> itemType) {
        return pages.obtain().readAll(firstPage, itemType);
    }

    @Override
    public <T> Stream<T> streamAll(ResourceCollection<T> firstPage, Class<T> itemType) {
        return pages.obtain().stream(firstPage, itemType);
    }

    @Override
    public String toString() {
        return "OctopusClient[" + connection + "]";
    }

    private record Packages(FeignPackages.Packages feign, StreamingUploads uploads) implements PackagesApi {

        @Override
        public ResourceCollection<PackageResource> list(String spaceId, String packageId, Boolean latest,
                                                        Integer skip, Integer take) {
            return feign.list(spaceId, packageId, latest, skip, take);
        }

        @Override
        public PackageResource get(String spaceId, String id) {
            return feign.get(spaceId, id);
        }

        @Override
        public void delete(String spaceId, String id) {
            feign.delete(spaceId, id);
        }

        @Override
        public InputStream download(String spaceId, String id) {
            return feign.download(spaceId, id);
        }

        @Override
        public PackageResource upload(String spaceId, Path file, OverwriteMode mode) {
            return uploads.uploadPackage(spaceId, file, mode);
        }

        @Override
        public PackageResource upload(String spaceId, String fileName, InputStream content, OverwriteMode mode) {
            return uploads.uploadPackage(spaceId, fileName, content, mode);
        }

        @Override
        public String toString() {
            return "PackagesApi";
        }
    }

    private record Artifacts(FeignPackages.Artifacts feign, StreamingUploads uploads) implements ArtifactsApi {

        @Override
        public ResourceCollection<ArtifactResource> list(String spaceId, String regarding, Integer skip,
                                                         Integer take) {
            return feign.list(spaceId, regarding, skip, take);
        }

        @Override
        public ArtifactResource get(String spaceId, String artifactId) {
            return feign.get(spaceId, artifactId);
        }

        @Override
        public ArtifactResource create(String spaceId, ArtifactResource artifact) {
            return feign.create(spaceId, artifact);
        }

        @Override
        public void delete(String spaceId, String artifactId) {
            feign.delete(spaceId, artifactId);
        }

        @Override
        public InputStream download(String spaceId, String artifactId) {
            return feign.download(spaceId, artifactId);
        }

        @Override
        public void uploadContent(String spaceId, String artifactId, Path file) {
            uploads.uploadArtifact(spaceId, artifactId, file);
        }

        @Override
        public void uploadContent(String spaceId, String artifactId, InputStream content) {
            uploads.uploadArtifact(spaceId, artifactId, content);
        }

        @Override
        public String toString() {
            return "ArtifactsApi";
        }
    }
}
