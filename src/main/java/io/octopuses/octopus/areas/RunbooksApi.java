package io.octopuses.octopus.areas;

import java.util.Optional;

import feign.Param;
import feign.RequestLine;

import io.octopuses.octopus.resources.CreateRunbookRunCommandV1;
import io.octopuses.octopus.resources.CreateRunbookRunResponseV1;
import io.octopuses.octopus.resources.ResourceCollection;
import io.octopuses.octopus.resources.RunbookProcessResource;
import io.octopuses.octopus.resources.RunbookResource;
import io.octopuses.octopus.resources.RunbookRunResource;
import io.octopuses.octopus.resources.RunbookSnapshotResource;

/**
 * Runbooks of the space's projects, their processes, snapshots and runs. A run is started by name through the
 * executions API ({@link #runV1}, server 2022.3.5512+), which runs the runbook's published snapshot: see
 * {@link #publishedSnapshot} to publish one when there is none. A run's {@code TaskId} is followed with {@link TasksApi}.
 */
public interface RunbooksApi {

    /** A project's runbooks whose name contains {@code partialName} (null for all). */
    @RequestLine("GET /projects/{projectId}/runbooks?partialName={partialName}&skip={skip}&take={take}")
    ResourceCollection<RunbookResource> ofProject(@Param("projectId") String projectId, @Param("partialName") String partialName,
                                                  @Param("skip") Integer skip, @Param("take") Integer take);

    @RequestLine("GET /runbooks/{id}")
    RunbookResource get(@Param("id") String runbookId);

    /** Creates a runbook of the project with an empty runbook process; see {@link RunbookResource#create}. */
    @RequestLine("POST /projects/{projectId}/runbooks")
    RunbookResource create(@Param("projectId") String projectId, RunbookResource runbook);

    @RequestLine("PUT /runbooks/{id}")
    RunbookResource update(@Param("id") String runbookId, RunbookResource runbook);

    @RequestLine("DELETE /runbooks/{id}")
    void delete(@Param("id") String runbookId);

    @RequestLine("GET /runbookProcesses/{id}")
    RunbookProcessResource process(@Param("id") String runbookProcessId);

    /** Saves the steps; the process must carry the {@code Version} read, else Octopus refuses it (400). */
    @RequestLine("PUT /runbookProcesses/{id}")
    RunbookProcessResource updateProcess(@Param("id") String runbookProcessId, RunbookProcessResource process);

    /** Freezes the runbook's process and variables; {@code publish} true makes it what runs by default. */
    @RequestLine("POST /runbookSnapshots?publish={publish}")
    RunbookSnapshotResource createSnapshot(RunbookSnapshotResource snapshot, @Param("publish") Boolean publish);

    @RequestLine("GET /runbookSnapshots/{id}")
    RunbookSnapshotResource snapshot(@Param("id") String snapshotId);

    /** Runs a runbook by project, runbook and environment names; one run and task per environment (and tenant). */
    @RequestLine("POST /runbook-runs/create/v1")
    CreateRunbookRunResponseV1 runV1(CreateRunbookRunCommandV1 command);

    @RequestLine("GET /runbookRuns/{id}")
    RunbookRunResource run(@Param("id") String runbookRunId);

    /** The project's runbook of that name (ignoring case), if it has one. */
    default Optional<RunbookResource> findByName(String projectId, String name) {
        return ofProject(projectId, name, 0, 1000).items().stream()
                .filter(r -> r.name().equalsIgnoreCase(name))
                .findFirst();
    }

    /**
     * The runbook's published snapshot; when it has none, a snapshot named {@code nameIfNone} (unique within the
     * project, or Octopus refuses it) of its current process is taken and published, so {@link #runV1} has something
     * to run. Published with {@code ?publish=true} and, where a server left it unpublished, by setting the runbook's
     * {@code PublishedRunbookSnapshotId}, as Octopus's own API examples do.
     */
    default RunbookSnapshotResource publishedSnapshot(RunbookResource runbook, String nameIfNone) {
        if (runbook.isPublished()) {
            return snapshot(runbook.publishedRunbookSnapshotId());
        }
        RunbookSnapshotResource created = createSnapshot(RunbookSnapshotResource.create(runbook, nameIfNone, "Published by Octopuses"), true);
        RunbookResource now = get(runbook.id());
        if (!created.id().equals(now.publishedRunbookSnapshotId())) {
            update(now.id(), now.withPublishedSnapshot(created.id()));
        }
        return created;
    }
}
