package io.octopuses.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Build information: what a build server pushes about the build of one package version (branch, build URL, VCS root,
 * commits), one record per package id and version in a space. {@code POST /build-information} with
 * {@code overwriteMode} (query, as the TypeScript and .NET clients send it, or the command's {@code OverwriteMode};
 * the legacy {@code replace} flag too), get, list with filters and paging, delete, and bulk delete
 * ({@code DELETE /build-information/bulk?ids=...}, as the clients send it, or the command's {@code Ids}). A package of
 * that id and version shows the record as its {@code PackageVersionBuildInformation} ({@link PackageRoutes}).
 */
final class BuildInformationRoutes {

    private static final String TEMPLATE = "packageId,partialPackageId,filter,latest,includeWorkItems,skip,take";

    private final ServerState state;

    BuildInformationRoutes(ServerState state) {
        this.state = state;
    }

    void register(Router router) {
        router.spaced("POST", "/build-information", this::push);
        router.spaced("GET", "/build-information", this::list);
        router.spaced("GET", "/build-information/{id}", r -> ApiResponse.ok(state.buildInformation.render(row(r))));
        router.spaced("DELETE", "/build-information/{id}", r -> {
            state.buildInformation.remove(row(r));
            return ApiResponse.empty(200);
        });
        router.spaced("DELETE", "/build-information/bulk", this::bulkDelete);
    }

    /** The record for a package version, if one was pushed. */
    static Optional<ObjectNode> find(ServerState state, String spaceId, String packageId, String version) {
        return state.buildInformation.list(spaceId).stream()
                .filter(b -> Json.text(b, "PackageId").equalsIgnoreCase(packageId) && Json.text(b, "Version").equals(version))
                .findFirst();
    }

    /** Stores (or replaces, keeping its id) the record for a package version: what a push and the seeds do. */
    static ObjectNode store(ServerState state, String spaceId, String packageId, String version, JsonNode info) {
        Optional<ObjectNode> existing = find(state, spaceId, packageId, version);
        String vcsType = Json.fieldText(info, "VcsType");
        String vcsRoot = Json.fieldText(info, "VcsRoot");
        String commit = Json.fieldText(info, "VcsCommitNumber");
        List<ObjectNode> commits = new ArrayList<>();
        JsonNode given = Json.field(info, "Commits");
        if (given != null && given.isArray()) {
            given.forEach(c -> commits.add(Json.object(
                    "Id", Json.fieldText(c, "Id"),
                    "LinkUrl", commitUrl(vcsType, vcsRoot, Json.fieldText(c, "Id")),
                    "Comment", Json.fieldText(c, "Comment"))));
        }
        ObjectNode row = Json.object(
                "Id", existing.map(e -> Json.text(e, "Id")).orElseGet(() -> state.nextId(state.buildInformation.idPrefix())),
                "SpaceId", spaceId,
                "PackageId", packageId,
                "Version", version,
                "BuildEnvironment", Json.fieldText(info, "BuildEnvironment"),
                "BuildNumber", Json.fieldText(info, "BuildNumber"),
                "BuildUrl", Json.fieldText(info, "BuildUrl"),
                "Branch", Json.fieldText(info, "Branch"),
                "VcsType", vcsType,
                "VcsRoot", vcsRoot,
                "VcsCommitNumber", commit,
                "VcsCommitUrl", commitUrl(vcsType, vcsRoot, commit),
                "WorkItems", Json.array(),
                "Commits", Json.array(commits),
                "Created", state.now());
        existing.ifPresent(state.buildInformation::remove);
        return state.buildInformation.put(state.touch(row));
    }

    private ObjectNode row(ApiRequest request) {
        return state.buildInformation.get(request.spaceId(), request.param("id"));
    }

    /** 201 for a new record; for an existing one 409 (FailIfExists), 200 unchanged (IgnoreIfExists) or 200 replaced. */
    private ApiResponse push(ApiRequest request) {
        JsonNode body = request.json();
        String packageId = Json.fieldText(body, "PackageId");
        String version = Json.fieldText(body, "Version");
        JsonNode info = Json.field(body, "OctopusBuildInformation");
        if (packageId == null || packageId.isBlank() || version == null || version.isBlank()) {
            throw OctopusException.badRequest("Please specify the package (PackageId) and its Version the build information is for.");
        }
        if (info == null || !info.isObject()) {
            throw OctopusException.badRequest("Please provide the build information itself (OctopusBuildInformation).");
        }
        String mode = request.query("overwriteMode") != null ? request.query("overwriteMode") : Json.fieldText(body, "OverwriteMode");
        JsonNode replace = Json.field(body, "Replace");
        OverwriteMode overwrite = OverwriteMode.of(mode, request.boolQuery("replace", replace != null && replace.asBoolean()));
        Optional<ObjectNode> existing = find(state, request.spaceId(), packageId, version);
        if (existing.isPresent()) {
            switch (overwrite) {
                case FailIfExists -> throw OctopusException.conflict(OctopusErrors.buildInformationExists(packageId, version));
                case IgnoreIfExists -> {
                    return ApiResponse.ok(state.buildInformation.render(existing.get()));
                }
                default -> {
                    return ApiResponse.ok(state.buildInformation.render(store(state, request.spaceId(), packageId, version, info)));
                }
            }
        }
        return ApiResponse.created(state.buildInformation.render(store(state, request.spaceId(), packageId, version, info)));
    }

    /** By package (exact or partial), by version ({@code filter}), only the latest version of each package; paged. */
    private ApiResponse list(ApiRequest request) {
        String packageId = request.query("packageId");
        String partial = lower(request.query("partialPackageId"));
        String versionFilter = request.query("filter");
        List<ObjectNode> rows = new ArrayList<>(state.buildInformation.list(request.spaceId()));
        rows.removeIf(b -> packageId != null && !packageId.equalsIgnoreCase(Json.text(b, "PackageId")));
        rows.removeIf(b -> partial != null && !lower(Json.text(b, "PackageId")).contains(partial));
        rows.removeIf(b -> versionFilter != null && !Json.text(b, "Version").contains(versionFilter));
        rows.sort(Comparator.comparing((ObjectNode b) -> lower(Json.text(b, "PackageId")))
                .thenComparing((ObjectNode b) -> Json.text(b, "Version"), Packages.VERSIONS.reversed()));
        if (request.boolQuery("latest", false)) {
            Map<String, ObjectNode> latest = new LinkedHashMap<>();
            rows.forEach(b -> latest.putIfAbsent(lower(Json.text(b, "PackageId")), b));
            rows = new ArrayList<>(latest.values());
        }
        return ApiResponse.ok(PagedCollection.of(request, "OctopusPackageVersionBuildInformation",
                state.buildInformation.render(rows), TEMPLATE));
    }

    /** Deletes the records named (unknown ids are passed over, as bulk deletes do); 400 when none is named. */
    private ApiResponse bulkDelete(ApiRequest request) {
        Set<String> ids = new LinkedHashSet<>(request.queryList("ids"));
        ids.addAll(Json.textsOf(Json.field(request.json(), "Ids")));
        if (ids.isEmpty()) {
            throw OctopusException.badRequest("Please specify the build information to delete: ids=BuildInformation-1,...");
        }
        ids.forEach(id -> state.buildInformation.find(request.spaceId(), id).ifPresent(state.buildInformation::remove));
        return ApiResponse.empty(200);
    }

    /** A link to a commit for a Git root on the web ({@code https://host/owner/repo(.git)}), as GitHub and GitLab show one. */
    private static String commitUrl(String vcsType, String vcsRoot, String commit) {
        if (commit == null || vcsRoot == null || !"git".equalsIgnoreCase(vcsType) || !vcsRoot.matches("(?i)^https?://.+")) {
            return null;
        }
        String root = vcsRoot.replaceAll("/+$", "").replaceAll("(?i)\\.git$", "");
        return root + "/commit/" + commit;
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
