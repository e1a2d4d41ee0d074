package io.octopuses.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Feeds of a space: the built-in feed ({@code feeds-builtin}) and any external feeds clients add. */
final class FeedRoutes {

    private final ServerState state;

    FeedRoutes(ServerState state) {
        this.state = state;
        state.feeds.links((row, links) -> {
            String space = Json.text(row, "SpaceId");
            String self = state.feeds.selfPath(row);
            links.put("Packages", self + "/packages{?packageId,partialMatch,includeMultipleVersions,includeNotes,includePreRelease,versionRange,preReleaseTag,take}");
            links.put("SearchPackagesTemplate", self + "/packages/search{?term,skip,take}");
            links.put("SearchPackageVersionsTemplate", self + "/packages/versions{?packageId,take,skip,includePreRelease,versionRange,preReleaseTag,filter,includeReleaseNotes}");
            if ("BuiltIn".equals(Json.text(row, "FeedType"))) {
                links.put("PackageUpload", "/api/" + space + "/packages/raw{?replace,overwriteMode}");
            }
        });
    }

    void register(Router router) {
        new ResourceRoutes(state, state.feeds, "FeedResource")
                .defaults(r -> Json.object(
                        "Slug", Slugs.of(Json.fieldText(r.json(), "Name")),
                        "FeedType", "NuGet",
                        "PackageAcquisitionLocationOptions", Json.strings("Server", "ExecutionTarget")))
                .validate(this::validate)
                .beforeDelete(feed -> {
                    if ("BuiltIn".equals(Json.text(feed, "FeedType"))) {
                        throw OctopusException.badRequest("The built-in feed cannot be deleted.");
                    }
                })
                .filter((r, rows) -> {
                    String type = r.query("feedType");
                    return type == null ? rows : rows.stream().filter(f -> type.equalsIgnoreCase(Json.text(f, "FeedType"))).toList();
                })
                .template("skip,take,ids,partialName,feedType,name")
                .register(router, ResourceRoutes.Scope.SPACE);
    }

    private void validate(ObjectNode feed, ObjectNode existing) {
        if (existing == null && "BuiltIn".equals(Json.text(feed, "FeedType"))) {
            throw OctopusException.badRequest("A space has exactly one built-in feed; it cannot be created.");
        }
        if (existing != null) {
            feed.put("FeedType", Json.text(existing, "FeedType"));
        }
    }
}
