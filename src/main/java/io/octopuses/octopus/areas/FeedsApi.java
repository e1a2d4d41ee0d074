package io.octopuses.octopus.areas;

import java.util.List;

import feign.Param;
import feign.RequestLine;

import io.octopuses.octopus.resources.FeedResource;
import io.octopuses.octopus.resources.PackageVersionResource;
import io.octopuses.octopus.resources.ResourceCollection;

/** Feeds; the built-in feed is {@code feeds-builtin}. */
public interface FeedsApi {

    @RequestLine("GET /feeds?partialName={partialName}&skip={skip}&take={take}")
    ResourceCollection<FeedResource> list(@Param("partialName") String partialName, @Param("skip") Integer skip,
                                          @Param("take") Integer take);

    /** Every item at once (a plain array): prefer it to paging. */
    @RequestLine("GET /feeds/all")
    List<FeedResource> all();

    @RequestLine("GET /feeds/{id}")
    FeedResource get(@Param("id") String id);

    @RequestLine("POST /feeds")
    FeedResource create(FeedResource body);

    @RequestLine("PUT /feeds/{id}")
    FeedResource update(@Param("id") String id, FeedResource body);

    @RequestLine("DELETE /feeds/{id}")
    void delete(@Param("id") String id);

    @RequestLine("GET /feeds?feedType={feedType}")
    ResourceCollection<FeedResource> byType(@Param("feedType") String feedType);

    /** Versions of a package in a feed, newest first. */
    @RequestLine("GET /feeds/{id}/packages/versions?packageId={packageId}&includePreRelease={includePreRelease}&skip={skip}&take={take}")
    ResourceCollection<PackageVersionResource> packageVersions(@Param("id") String feedId,
                                                               @Param("packageId") String packageId,
                                                               @Param("includePreRelease") Boolean includePreRelease,
                                                               @Param("skip") Integer skip,
                                                               @Param("take") Integer take);
}
