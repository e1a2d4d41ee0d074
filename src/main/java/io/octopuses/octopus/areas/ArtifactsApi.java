package io.octopuses.octopus.areas;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import io.octopuses.octopus.resources.ArtifactResource;
import io.octopuses.octopus.resources.ResourceCollection;

/** Files attached to tasks (an export zip, a promotion's results). Content streams both ways. */
public interface ArtifactsApi {

    /** Artifacts of a task, release, ... ({@code regarding}: its id). */
    ResourceCollection<ArtifactResource> list(String spaceId, String regarding, Integer skip, Integer take);

    ArtifactResource get(String spaceId, String artifactId);

    /** Creates the artifact record ({@link ArtifactResource#create}); then upload its content. */
    ArtifactResource create(String spaceId, ArtifactResource artifact);

    void delete(String spaceId, String artifactId);

    /** The content, streamed: close the stream. */
    InputStream download(String spaceId, String artifactId);

    default long downloadTo(String spaceId, String artifactId, OutputStream out) {
        try (InputStream in = download(spaceId, artifactId)) {
            return in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Downloading artifact " + artifactId + " failed", e);
        }
    }

    /** {@code PUT /api/{spaceId}/artifacts/{id}/content}, streamed from disk. */
    void uploadContent(String spaceId, String artifactId, Path file);

    /** {@code PUT /api/{spaceId}/artifacts/{id}/content}, streamed (read to its end, not closed). */
    void uploadContent(String spaceId, String artifactId, InputStream content);
}
