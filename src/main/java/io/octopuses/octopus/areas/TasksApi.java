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

/** Server tasks. Task ids are unique across spaces, so these use the system routes. */
public interface TasksApi {

    @RequestLine("GET /api/tasks/{id}")
    TaskResource get(@Param("id") String taskId);

    @RequestLine("GET /api/tasks")
    ResourceCollection<TaskResource> list(@QueryMap TaskQuery query);

    /** The task, its progress and the activity log tree ({@code tail}: last lines per node; null for all). */
    @RequestLine("GET /api/tasks/{id}/details?verbose={verbose}&tail={tail}")
    TaskDetailsResource details(@Param("id") String taskId, @Param("verbose") Boolean verbose,
                                @Param("tail") Integer tail);

    /** The whole log as plain text, streamed: close the stream. */
    @RequestLine("GET /api/tasks/{id}/raw")
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

    @RequestLine("POST /api/tasks/{id}/cancel")
    TaskResource cancel(@Param("id") String taskId);
}
