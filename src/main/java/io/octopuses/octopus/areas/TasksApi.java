package io.octopuses.octopus.areas;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

import feign.Headers;
import feign.Param;
import feign.QueryMap;
import feign.RequestLine;

import io.octopuses.octopus.resources.ResourceCollection;
import io.octopuses.octopus.resources.TaskDetailsResource;
import io.octopuses.octopus.resources.TaskResource;

/**
 * Server tasks, as Octopus serves them twice: from {@link io.octopuses.octopus.OctopusClient#tasks()} under
 * {@code /api/tasks} (every space, system tasks too; task ids are unique across spaces, so any task can be followed
 * there) and from {@link io.octopuses.octopus.SpaceClient#tasks()} under {@code /api/{spaceId}/tasks}, where the
 * space is the filter ({@link TaskQuery#spaces()} and {@code includeSystem} are the server's business there).
 */
public interface TasksApi {

    @RequestLine("GET /tasks/{id}")
    TaskResource get(@Param("id") String taskId);

    @RequestLine("GET /tasks")
    ResourceCollection<TaskResource> list(@QueryMap TaskQuery query);

    /** The task, its progress and the activity log tree ({@code tail}: last lines per node; null for all). */
    @RequestLine("GET /tasks/{id}/details?verbose={verbose}&tail={tail}")
    TaskDetailsResource details(@Param("id") String taskId, @Param("verbose") Boolean verbose,
                                @Param("tail") Integer tail);

    /** The whole log as plain text, streamed: close the stream. */
    @RequestLine("GET /tasks/{id}/raw")
    @Headers("Accept: text/plain, application/octet-stream, */*")
    InputStream rawLog(@Param("id") String taskId);

    /** Streams the whole log into {@code out} (not closed); returns the bytes copied. */
    default long copyRawLog(String taskId, OutputStream out) {
        try (InputStream in = rawLog(taskId)) {
            return in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Copying the log of task " + taskId + " failed", e);
        }
    }

    @RequestLine("POST /tasks/{id}/cancel")
    TaskResource cancel(@Param("id") String taskId);
}
