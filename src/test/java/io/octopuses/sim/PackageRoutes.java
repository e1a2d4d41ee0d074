package io.octopuses.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in feed: upload ({@code POST /packages/raw}, multipart, streamed to disk with its SHA-1 computed on the
 * way), list, get, download ({@code /packages/{id}/raw}) and delete; plus the feed search routes clients use to
 * find versions. Every package shows the build information pushed for its id and version
 * ({@code PackageVersionBuildInformation}, see {@link BuildInformationRoutes}).
 */
final class PackageRoutes {

    private final ServerState state;

    PackageRoutes(ServerState state) {
        this.state = state;
        state.packages.links((row, links) -> {
            String self = state.packages.selfPath(row);
            links.put("Raw", self + "/raw");
            links.put("Feed", "/api/" + Json.text(row, "SpaceId") + "/feeds/" + Json.text(row, "FeedId"));
            links.put("AllVersions", "/api/" + Json.text(row, "SpaceId") + "/packages?nuGetPackageId=" + Json.text(row, "PackageId"));
        });
        state.packages.view(row -> {
            BuildInformationRoutes.find(state, Json.text(row, "SpaceId"), Json.text(row, "PackageId"), Json.text(row, "Version"))
                    .ifPresent(info -> row.set("PackageVersionBuildInformation", state.buildInformation.render(info)));
            return row;
        });
    }

    void register(Router router) {
        router.spacedStreaming("POST", "/packages/raw", this::upload);
        router.spaced("GET", "/packages", this::list);
        router.spaced("GET", "/packages/{id}", r -> ApiResponse.ok(state.packages.render(row(r))));
        router.spaced("GET", "/packages/{id}/raw", this::download);
        router.spaced("DELETE", "/packages/{id}", r -> {
            ObjectNode row = row(r);
            state.packages.remove(row);
            Path file = state.packageFiles.remove(Packages.key(row));
            if (file != null) {
                BlobStore.delete(file);
            }
            return ApiResponse.empty(200);
        });
        router.spaced("GET", "/feeds/{id}/packages/versions", this::versions);
        router.spaced("GET", "/feeds/{id}/packages", this::feedPackages);
    }

    private ObjectNode row(ApiRequest request) {
        return state.packages.get(request.spaceId(), request.param("id"));
    }

    /** {@code GET /feeds/{id}/packages} answers {@code PackageResource}s: no hash or size. */
    private ObjectNode packageResource(ObjectNode row) {
        ObjectNode shown = state.packages.render(row);
        shown.remove("Hash");
        shown.remove("PackageSizeBytes");
        return shown;
    }

    private ApiResponse list(ApiRequest request) {
        String packageId = request.query("nuGetPackageId");
        String filter = request.query("filter");
        List<ObjectNode> rows = new ArrayList<>(state.packages.list(request.spaceId()));
        rows.removeIf(p -> packageId != null && !packageId.equalsIgnoreCase(Json.text(p, "PackageId")));
        rows.removeIf(p -> filter != null && !Json.text(p, "PackageId").toLowerCase(Locale.ROOT).contains(filter.toLowerCase(Locale.ROOT)));
        rows.sort(Comparator.comparing((ObjectNode p) -> Json.text(p, "PackageId").toLowerCase(Locale.ROOT))
                .thenComparing((ObjectNode p) -> Json.text(p, "Version"), Packages.VERSIONS.reversed()));
        if (request.boolQuery("latest", false)) {
            Map<String, ObjectNode> latest = new LinkedHashMap<>();
            rows.forEach(p -> latest.putIfAbsent(Json.text(p, "PackageId").toLowerCase(Locale.ROOT), p));
            rows = new ArrayList<>(latest.values());
        }
        return ApiResponse.ok(PagedCollection.of(request, "Package", state.packages.render(rows),
                "nuGetPackageId,filter,latest,skip,take,includeNotes"));
    }

    private ApiResponse download(ApiRequest request) {
        ObjectNode row = row(request);
        Path file = Packages.file(state, row);
        if (file == null) {
            throw OctopusException.badRequest("The package " + Json.text(row, "PackageId") + " " + Json.text(row, "Version")
                    + " was found in the index but not on disk.");
        }
        return ApiResponse.file(file, "application/octet-stream")
                .header("Content-Disposition", "attachment; filename=\"" + Json.text(row, "PackageId") + "."
                        + Json.text(row, "Version") + Json.text(row, "FileExtension") + "\"");
    }

    private ApiResponse upload(ApiRequest request) {
        OverwriteMode mode = overwriteMode(request);
        String boundary = MultipartReader.boundary(request.header("Content-Type"));
        if (boundary == null) {
            throw OctopusException.badRequest("Packages are uploaded as multipart/form-data with one file part.");
        }
        BlobStore.Stored stored = null;
        String fileName = null;
        try {
            MultipartReader reader = new MultipartReader(request.bodyStream(), boundary);
            for (MultipartReader.Part part = reader.next(); part != null; part = reader.next()) {
                if (stored == null && part.fileName() != null) {
                    fileName = part.fileName();
                    stored = state.blobs.write(part.content());
                }
            }
        } catch (IOException | UncheckedIOException e) {
            if (stored != null) {
                BlobStore.delete(stored.path());
            }
            throw OctopusException.badRequest("The package upload could not be read: " + e.getMessage());
        }
        if (stored == null) {
            throw OctopusException.badRequest("No package file was found in the request. Send one file part named "
                    + "<PackageId>.<Version>.<extension>.");
        }
        Optional<Packages.FileName> parsed = Packages.parse(fileName);
        if (parsed.isEmpty() || stored.size() == 0) {
            BlobStore.delete(stored.path());
            throw OctopusException.badRequest(stored.size() == 0 ? "The package file '" + fileName + "' is empty."
                    : "The package file name '" + fileName + "' is not valid: it must look like "
                    + "<PackageId>.<Version>.<extension>, for example Payments.Api.1.0.0.zip.");
        }
        synchronized (state) {
            return store(request.spaceId(), parsed.get(), stored, mode);
        }
    }

    private ApiResponse store(String spaceId, Packages.FileName name, BlobStore.Stored stored, OverwriteMode mode) {
        Optional<ObjectNode> existing = Packages.find(state, spaceId, name.packageId(), name.version());
        if (existing.isPresent()) {
            switch (mode) {
                case FailIfExists -> {
                    BlobStore.delete(stored.path());
                    throw OctopusException.conflict(OctopusErrors.PACKAGE_EXISTS);
                }
                case IgnoreIfExists -> {
                    BlobStore.delete(stored.path());
                    return ApiResponse.ok(state.packages.render(existing.get()));
                }
                default -> {
                    state.packages.remove(existing.get());
                    Path old = state.packageFiles.remove(Packages.key(existing.get()));
                    if (old != null) {
                        BlobStore.delete(old);
                    }
                }
            }
        }
        ObjectNode row = add(state, spaceId, name, stored);
        return ApiResponse.created(state.packages.render(row));
    }

    static ObjectNode add(ServerState state, String spaceId, Packages.FileName name, BlobStore.Stored stored) {
        ObjectNode row = Json.object(
                "Id", Packages.id(name.packageId(), name.version()),
                "SpaceId", spaceId,
                "PackageId", name.packageId(),
                "Version", name.version(),
                "Title", name.packageId(),
                "Summary", "",
                "Description", "",
                "ReleaseNotes", "",
                "Published", state.now(),
                "FeedId", "feeds-builtin",
                "NuGetPackageId", name.packageId(),
                "NuGetFeedId", "feeds-builtin",
                "FileExtension", name.extension(),
                "Hash", stored.sha1(),
                "PackageSizeBytes", stored.size());
        state.packages.put(state.touch(row));
        state.packageFiles.put(Packages.key(row), stored.path());
        return row;
    }

    private static OverwriteMode overwriteMode(ApiRequest request) {
        return OverwriteMode.of(request.query("overwriteMode"), request.boolQuery("replace", false));
    }

    private List<ObjectNode> versionsOf(ApiRequest request) {
        state.feeds.get(request.spaceId(), request.param("id"));
        String packageId = request.query("packageId");
        boolean prerelease = request.boolQuery("includePreRelease", true);
        return state.packages.list(request.spaceId()).stream()
                .filter(p -> packageId == null || packageId.equalsIgnoreCase(Json.text(p, "PackageId")))
                .filter(p -> prerelease || !Json.text(p, "Version").contains("-"))
                .sorted(Comparator.comparing((ObjectNode p) -> Json.text(p, "Version"), Packages.VERSIONS.reversed()))
                .toList();
    }

    private ApiResponse versions(ApiRequest request) {
        List<ObjectNode> items = versionsOf(request).stream().map(p -> Json.object(
                "Id", Json.text(p, "Id"),
                "PackageId", Json.text(p, "PackageId"),
                "Version", Json.text(p, "Version"),
                "FeedId", Json.text(p, "FeedId"),
                "Title", Json.text(p, "Title"),
                "Published", Json.text(p, "Published"),
                "ReleaseNotes", "",
                "SizeBytes", p.path("PackageSizeBytes").asLong(),
                "Links", Json.object("Self", state.packages.selfPath(p)))).toList();
        return ApiResponse.ok(PagedCollection.of(request, "PackageVersion", items,
                "packageId,take,skip,includePreRelease,versionRange,preReleaseTag,filter,includeReleaseNotes"));
    }

    private ApiResponse feedPackages(ApiRequest request) {
        List<ObjectNode> rows = versionsOf(request);
        if (!request.boolQuery("includeMultipleVersions", false) && !rows.isEmpty()) {
            rows = List.of(rows.get(0));
        }
        int take = request.intQuery("take", 30);
        return ApiResponse.ok(Json.array(rows.stream().limit(take).map(this::packageResource).toList()));
    }
}
