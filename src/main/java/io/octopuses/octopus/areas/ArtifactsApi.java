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
    ResourceCollection<ArtifactResource> list(String regarding, Integer skip, Integer take);

    ArtifactResource get(String artifactId);

    /** Creates the artifact record ({@link ArtifactResource#create}); then upload its content. */
    ArtifactResource create(ArtifactResource artifact);

    void delete(String artifactId);

    /** The content, streamed: close the stream. */
    InputStream download(String artifactId);

    default long downloadTo(String artifactId, OutputStream out) {
        try (InputStream in = download(artifactId)) {
            return in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Downloading artifact " + artifactId + " failed", e);
        }
    }

    /** {@code PUT /api/{spaceId}/artifacts/{id}/content}, streamed from disk. */
    void uploadContent(String artifactId, Path file);

    /** {@code PUT /api/{spaceId}/artifacts/{id}/content}, streamed (read to its end, not closed). */
    void uploadContent(String artifactId, InputStream content);
}
