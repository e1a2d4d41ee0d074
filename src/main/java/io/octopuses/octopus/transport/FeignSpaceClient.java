package io.octopuses.octopus.transport;

import java.io.InputStream;
import java.nio.file.Path;

import io.octopuses.octopus.OctopusClient;
import io.octopuses.octopus.SpaceClient;
import io.octopuses.octopus.areas.AccountsApi;
import io.octopuses.octopus.areas.ActionTemplatesApi;
import io.octopuses.octopus.areas.CertificatesApi;
import io.octopuses.octopus.areas.WorkerPoolsApi;
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
import io.octopuses.octopus.areas.RunbooksApi;
import io.octopuses.octopus.areas.ScopedUserRolesApi;
import io.octopuses.octopus.areas.TasksApi;
import io.octopuses.octopus.areas.TeamsApi;
import io.octopuses.octopus.areas.VariablesApi;
import io.octopuses.octopus.resources.ArtifactResource;
import io.octopuses.octopus.resources.PackageResource;
import io.octopuses.octopus.resources.ResourceCollection;

/**
 * A space of a {@link FeignOctopusClient}: the same Feign stack targeted at the space's root, so every request line
 * lands under {@code /api/{spaceId}}. Uploads, which bypass Feign, are sent to the same root.
 */
final class FeignSpaceClient implements SpaceClient {

    private final OctopusClient server;
    private final ApiRoot root;
    private final StreamingUploads uploads;
    private final String spaceId;
    private final String spaceName;

    FeignSpaceClient(OctopusClient server, ApiRoot root, StreamingUploads uploads, String spaceId, String spaceName) {
        this.server = server;
        this.root = root;
        this.uploads = uploads;
        this.spaceId = spaceId;
        this.spaceName = spaceName;
    }

    @Override
    public String spaceId() {
        return spaceId;
    }

    @Override
    public String spaceName() {
        return spaceName;
    }

    @Override
    public OctopusClient server() {
        return server;
    }

    @Override
    public EnvironmentsApi environments() {
        return root.area(EnvironmentsApi.class);
    }

    @Override
    public ProjectGroupsApi projectGroups() {
        return root.area(ProjectGroupsApi.class);
    }

    @Override
    public ProjectsApi projects() {
        return root.area(ProjectsApi.class);
    }

    @Override
    public LifecyclesApi lifecycles() {
        return root.area(LifecyclesApi.class);
    }

    @Override
    public ChannelsApi channels() {
        return root.area(ChannelsApi.class);
    }

    @Override
    public DeploymentProcessesApi deploymentProcesses() {
        return root.area(DeploymentProcessesApi.class);
    }

    @Override
    public VariablesApi variables() {
        return root.area(VariablesApi.class);
    }

    @Override
    public LibraryVariableSetsApi libraryVariableSets() {
        return root.area(LibraryVariableSetsApi.class);
    }

    @Override
    public ActionTemplatesApi actionTemplates() {
        return root.area(ActionTemplatesApi.class);
    }

    @Override
    public FeedsApi feeds() {
        return root.area(FeedsApi.class);
    }

    @Override
    public WorkerPoolsApi workerPools() {
        return root.area(WorkerPoolsApi.class);
    }

    @Override
    public AccountsApi accounts() {
        return root.area(AccountsApi.class);
    }

    @Override
    public CertificatesApi certificates() {
        return root.area(CertificatesApi.class);
    }

    @Override
    public PackagesApi packages() {
        return root.area(PackagesApi.class,
                r -> new Packages(r.target(FeignPackages.Packages.class), uploads, r.url()));
    }

    @Override
    public ReleasesApi releases() {
        return root.area(ReleasesApi.class);
    }

    @Override
    public DeploymentsApi deployments() {
        return root.area(DeploymentsApi.class);
    }

    @Override
    public RunbooksApi runbooks() {
        return root.area(RunbooksApi.class);
    }

    @Override
    public InterruptionsApi interruptions() {
        return root.area(InterruptionsApi.class);
    }

    @Override
    public ArtifactsApi artifacts() {
        return root.area(ArtifactsApi.class,
                r -> new Artifacts(r.target(FeignPackages.Artifacts.class), uploads, r.url()));
    }

    @Override
    public TasksApi tasks() {
        return root.area(TasksApi.class);
    }

    @Override
    public TeamsApi teams() {
        return root.area(TeamsApi.class);
    }

    @Override
    public ScopedUserRolesApi scopedUserRoles() {
        return root.area(ScopedUserRolesApi.class);
    }

    @Override
    public String toString() {
        return "SpaceClient[" + spaceId + " (" + spaceName + ") of " + server.connection() + "]";
    }

    private record Packages(FeignPackages.Packages feign, StreamingUploads uploads, String spaceUrl)
            implements PackagesApi {

        @Override
        public ResourceCollection<PackageResource> list(String packageId, Boolean latest, Integer skip, Integer take) {
            return feign.list(packageId, latest, skip, take);
        }

        @Override
        public PackageResource get(String id) {
            return feign.get(id);
        }

        @Override
        public void delete(String id) {
            feign.delete(id);
        }

        @Override
        public InputStream download(String id) {
            return feign.download(id);
        }

        @Override
        public PackageResource upload(Path file, OverwriteMode mode) {
            return uploads.uploadPackage(spaceUrl, file, mode);
        }

        @Override
        public PackageResource upload(String fileName, InputStream content, OverwriteMode mode) {
            return uploads.uploadPackage(spaceUrl, fileName, content, mode);
        }

        @Override
        public PackageResource upload(String fileName, InputStream content, long length, OverwriteMode mode) {
            return uploads.uploadPackage(spaceUrl, fileName, content, length, mode);
        }

        @Override
        public String toString() {
            return "PackagesApi[" + spaceUrl + "]";
        }
    }

    private record Artifacts(FeignPackages.Artifacts feign, StreamingUploads uploads, String spaceUrl)
            implements ArtifactsApi {

        @Override
        public ResourceCollection<ArtifactResource> list(String regarding, Integer skip, Integer take) {
            return feign.list(regarding, skip, take);
        }

        @Override
        public ArtifactResource get(String artifactId) {
            return feign.get(artifactId);
        }

        @Override
        public ArtifactResource create(ArtifactResource artifact) {
            return feign.create(artifact);
        }

        @Override
        public void delete(String artifactId) {
            feign.delete(artifactId);
        }

        @Override
        public InputStream download(String artifactId) {
            return feign.download(artifactId);
        }

        @Override
        public void uploadContent(String artifactId, Path file) {
            uploads.uploadArtifact(spaceUrl, artifactId, file);
        }

        @Override
        public void uploadContent(String artifactId, InputStream content) {
            uploads.uploadArtifact(spaceUrl, artifactId, content);
        }

        @Override
        public String toString() {
            return "ArtifactsApi[" + spaceUrl + "]";
        }
    }
}
