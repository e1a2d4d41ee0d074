package io.octopuses.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Artifacts attached to server tasks: create, list ({@code regarding}), and upload/download of their content. */
final class ArtifactRoutes {

    private final ServerState state;

    ArtifactRoutes(ServerState state) {
        this.state = state;
        state.artifacts.links((row, links) -> {
            links.put("Content", state.artifacts.selfPath(row) + "/content");
            links.put("Task", "/api/" + Json.text(row, "SpaceId") + "/tasks/" + Json.text(row, "ServerTaskId"));
        });
    }

    void register(Router router) {
        router.spaced("GET", "/artifacts", this::list);
        router.spaced("POST", "/artifacts", this::create);
        router.spaced("GET", "/artifacts/{id}", r -> ApiResponse.ok(state.artifacts.render(state.artifacts.get(r.spaceId(), r.param("id")))));
        router.spaced("PUT", "/artifacts/{id}", r -> {
            ObjectNode existing = state.artifacts.get(r.spaceId(), r.param("id"));
            ObjectNode row = Shapes.get("ArtifactResource").normalize(r.json(), existing);
            for (String frozen : List.of("Id", "SpaceId", "ServerTaskId", "Created")) {
                row.set(frozen, existing.get(frozen));
            }
            state.artifacts.remove(existing);
            state.artifacts.put(state.touch(row));
            return ApiResponse.ok(state.artifacts.render(row));
        });
        router.spaced("DELETE", "/artifacts/{id}", r -> {
            ObjectNode row = state.artifacts.get(r.spaceId(), r.param("id"));
            state.artifacts.remove(row);
            Path file = state.artifactFiles.remove(key(row));
            if (file != null) {
                BlobStore.delete(file);
            }
            return ApiResponse.empty(200);
        });
        router.spacedStreaming("PUT", "/artifacts/{id}/content", this::upload);
        router.spaced("GET", "/artifacts/{id}/content", r -> {
            ObjectNode row = state.artifacts.get(r.spaceId(), r.param("id"));
            Path file = state.artifactFiles.get(key(row));
            return file == null ? ApiResponse.empty(204) : ApiResponse.file(file, "application/octet-stream")
                    .header("Content-Disposition", "attachment; filename=\"" + Json.text(row, "Filename") + "\"");
        });
    }

    private static String key(ObjectNode row) {
        return Json.text(row, "SpaceId") + "|" + Json.text(row, "Id");
    }

    private ApiResponse list(ApiRequest r) {
        String regarding = r.query("regarding");
        String partialName = r.query("partialName");
        List<String> ids = r.queryList("ids");
        List<ObjectNode> rows = new ArrayList<>();
        for (ObjectNode a : state.artifacts.list(r.spaceId())) {
            boolean about = regarding == null || regarding.equalsIgnoreCase(Json.text(a, "ServerTaskId"))
                    || Json.texts(a, "RelatedDocumentIds").stream().anyMatch(regarding::equalsIgnoreCase);
            if (about && (partialName == null || Json.text(a, "Filename").toLowerCase().contains(partialName.toLowerCase()))
                    && (ids.isEmpty() || ids.stream().anyMatch(id -> id.equalsIgnoreCase(Json.text(a, "Id"))))) {
                rows.add(a);
            }
        }
        rows.sort(ProjectRoutes.newestFirst("Created"));
        if ("asc".equalsIgnoreCase(r.query("order"))) {
            java.util.Collections.reverse(rows);
        }
        return ApiResponse.ok(PagedCollection.of(r, "Artifact", state.artifacts.render(rows), "skip,take,regarding,ids,partialName,order"));
    }

    private ApiResponse create(ApiRequest r) {
        ObjectNode body = Shapes.get("ArtifactResource").normalize(r.json());
        String filename = Json.text(body, "Filename");
        String taskId = Json.text(body, "ServerTaskId");
        if (filename == null || filename.isBlank()) {
            throw OctopusException.badRequest("Please provide a file name (Filename) for the artifact.");
        }
        if (taskId == null || !state.tasks.containsKey(taskId)) {
            throw OctopusException.badRequest(taskId == null ? "Please specify the server task (ServerTaskId) the artifact belongs to."
                    : "The server task '" + taskId + "' does not exist.");
        }
        body.put("Id", state.nextId("Artifacts"));
        body.put("SpaceId", r.spaceId());
        body.put("Created", Json.date(state.now()));
        if (!body.has("Source")) {
            body.put("Source", "API");
        }
        state.artifacts.put(state.touch(body));
        return ApiResponse.created(state.artifacts.render(body));
    }

    private ApiResponse upload(ApiRequest r) {
        ObjectNode row;
        synchronized (state) {
            row = state.artifacts.get(r.spaceId(), r.param("id"));
        }
        BlobStore.Stored stored;
        try (InputStream in = r.bodyStream()) {
            stored = state.blobs.write(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        synchronized (state) {
            Path old = state.artifactFiles.put(key(row), stored.path());
            if (old != null) {
                BlobStore.delete(old);
            }
        }
        return ApiResponse.empty(204);
    }
}
