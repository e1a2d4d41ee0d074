package io.octopuses.octopus.areas;

import java.util.List;

import feign.Param;
import feign.RequestLine;

import io.octopuses.octopus.resources.FeedResource;
import io.octopuses.octopus.resources.PackageVersionResource;
import io.octopuses.octopus.resources.ResourceCollection;

/** Feeds; the built-in feed is {@code feeds-builtin}. */
public interface FeedsApi {

    @RequestLine("GET /api/{spaceId}/feeds?partialName={partialName}&skip={skip}&take={take}")
    ResourceCollection<FeedResource> list(@Param("spaceId") String spaceId, @Param("partialName") String partialName,
                                @Param("skip") Integer skip, @Param("take") Integer take);

    /** Every item at once (a plain array): prefer it to paging. */
    @RequestLine("GET /api/{spaceId}/feeds/all")
    List<FeedResource> all(@Param("spaceId") String spaceId);

    @RequestLine("GET /api/{spaceId}/feeds/{id}")
    FeedResource get(@Param("spaceId") String spaceId, @Param("id") String id);

    @RequestLine("POST /api/{spaceId}/feeds")
    FeedResource create(@Param("spaceId") String spaceId, FeedResource body);

    @RequestLine("PUT /api/{spaceId}/feeds/{id}")
    FeedResource update(@Param("spaceId") String spaceId, @Param("id") String id, FeedResource body);

    @RequestLine("DELETE /api/{spaceId}/feeds/{id}")
    void delete(@Param("spaceId") String spaceId, @Param("id") String id);

    @RequestLine("GET /api/{spaceId}/feeds?feedType={feedType}")
    ResourceCollection<FeedResource> byType(@Param("spaceId") String spaceId, @Param("feedType") String feedType);

    /** Versions of a package in a feed, newest first. */
    @RequestLine("GET /api/{spaceId}/feeds/{id}/packages/versions?packageId={packageId}&includePreRelease={includePreRelease}&skip={skip}&take={take}")
    ResourceCollection<PackageVersionResource> packageVersions(@Param("spaceId") String spaceId,
                                                               @Param("id") String feedId,
                                                               @Param("packageId") String packageId,
                                                               @Param("includePreRelease") Boolean includePreRelease,
                                                               @Param("skip") Integer skip,
                                                               @Param("take") Integer take);
}
