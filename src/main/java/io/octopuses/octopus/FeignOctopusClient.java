package io.octopuses.octopus;

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

import io.octopuses.octopus.resources.ArtifactResource;
import io.octopuses.octopus.resources.PackageResource;

/**
 * The Feign-built client of one server: one Feign proxy per area, all sharing the same transport, codec, error
 * mapping and retry policy. Logging is BASIC at most (method, URL, status, time): headers would show the key.
 */
final class FeignOctopusClient implements OctopusClient {

    private final OctopusConnection connection;
    private final SystemApi system;
    private final SpacesApi spaces;
    private final EnvironmentsApi environments;
    private final ProjectGroupsApi projectGroups;
    private final ProjectsApi projects;
    private final LifecyclesApi lifecycles;
    private final ChannelsApi channels;
    private final DeploymentProcessesApi deploymentProcesses;
    private final VariablesApi variables;
    private final LibraryVariableSetsApi libraryVariableSets;
    private final ActionTemplatesApi actionTemplates;
    private final FeedsApi feeds;
    private final PackagesApi packages;
    private final ReleasesApi releases;
    private final DeploymentsApi deployments;
    private final TasksApi tasks;
    private final InterruptionsApi interruptions;
    private final ArtifactsApi artifacts;
    private final UsersApi users;
    private final TeamsApi teams;
    private final UserRolesApi userRoles;
    private final ScopedUserRolesApi scopedUserRoles;
    private final Pages pages;

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
        this.system = feign.target(SystemApi.class, url);
        this.spaces = feign.target(SpacesApi.class, url);
        this.environments = feign.target(EnvironmentsApi.class, url);
        this.projectGroups = feign.target(ProjectGroupsApi.class, url);
        this.projects = feign.target(ProjectsApi.class, url);
        this.lifecycles = feign.target(LifecyclesApi.class, url);
        this.channels = feign.target(ChannelsApi.class, url);
        this.deploymentProcesses = feign.target(DeploymentProcessesApi.class, url);
        this.variables = feign.target(VariablesApi.class, url);
        this.libraryVariableSets = feign.target(LibraryVariableSetsApi.class, url);
        this.actionTemplates = feign.target(ActionTemplatesApi.class, url);
        this.feeds = feign.target(FeedsApi.class, url);
        this.releases = feign.target(ReleasesApi.class, url);
        this.deployments = feign.target(DeploymentsApi.class, url);
        this.tasks = feign.target(TasksApi.class, url);
        this.interruptions = feign.target(InterruptionsApi.class, url);
        this.users = feign.target(UsersApi.class, url);
        this.teams = feign.target(TeamsApi.class, url);
        this.userRoles = feign.target(UserRolesApi.class, url);
        this.scopedUserRoles = feign.target(ScopedUserRolesApi.class, url);
        StreamingUploads uploads = new StreamingUploads(transport.transfers(), connection, json, errors, limit,
                properties);
        this.packages = new Packages(feign.target(FeignPackages.Packages.class, url), uploads);
        this.artifacts = new Artifacts(feign.target(FeignPackages.Artifacts.class, url), uploads);
        this.pages = new Pages(connection.baseUrl(), feign.target(Pages.LinkFollower.class, url), json);
    }

    @Override
    public OctopusConnection connection() {
        return connection;
    }

    @Override
    public SystemApi system() {
        return system;
    }

    @Override
    public SpacesApi spaces() {
        return spaces;
    }

    @Override
    public EnvironmentsApi environments() {
        return environments;
    }

    @Override
    public ProjectGroupsApi projectGroups() {
        return projectGroups;
    }

    @Override
    public ProjectsApi projects() {
        return projects;
    }

    @Override
    public LifecyclesApi lifecycles() {
        return lifecycles;
    }

    @Override
    public ChannelsApi channels() {
        return channels;
    }

    @Override
    public DeploymentProcessesApi deploymentProcesses() {
        return deploymentProcesses;
    }

    @Override
    public VariablesApi variables() {
        return variables;
    }

    @Override
    public LibraryVariableSetsApi libraryVariableSets() {
        return libraryVariableSets;
    }

    @Override
    public ActionTemplatesApi actionTemplates() {
        return actionTemplates;
    }

    @Override
    public FeedsApi feeds() {
        return feeds;
    }

    @Override
    public PackagesApi packages() {
        return packages;
    }

    @Override
    public ReleasesApi releases() {
        return releases;
    }

    @Override
    public DeploymentsApi deployments() {
        return deployments;
    }

    @Override
    public TasksApi tasks() {
        return tasks;
    }

    @Override
    public InterruptionsApi interruptions() {
        return interruptions;
    }

    @Override
    public ArtifactsApi artifacts() {
        return artifacts;
    }

    @Override
    public UsersApi users() {
        return users;
    }

    @Override
    public TeamsApi teams() {
        return teams;
    }

    @Override
    public UserRolesApi userRoles() {
        return userRoles;
    }

    @Override
    public ScopedUserRolesApi scopedUserRoles() {
        return scopedUserRoles;
    }

    @Override
    public <T> List<T> readAll(ResourceCollection<T> firstPage, Class<T> itemType) {
        return pages.readAll(firstPage, itemType);
    }

    @Override
    public <T> Stream<T> streamAll(ResourceCollection<T> firstPage, Class<T> itemType) {
        return pages.stream(firstPage, itemType);
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
