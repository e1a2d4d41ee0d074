package io.octopuses.octopus.areas;

import feign.Param;
import feign.RequestLine;

import io.octopuses.octopus.resources.ChannelResource;
import io.octopuses.octopus.resources.ResourceCollection;

/** Channels ({@code /api/{spaceId}/channels}); a project's channels are also in {@link ProjectsApi#channels}. */
public interface ChannelsApi {

    @RequestLine("GET /projects/{projectId}/channels?skip={skip}&take={take}")
    ResourceCollection<ChannelResource> forProject(@Param("projectId") String projectId, @Param("skip") Integer skip,
                                                   @Param("take") Integer take);

    @RequestLine("GET /channels/{id}")
    ChannelResource get(@Param("id") String channelId);

    @RequestLine("POST /channels")
    ChannelResource create(ChannelResource channel);

    @RequestLine("PUT /channels/{id}")
    ChannelResource update(@Param("id") String channelId, ChannelResource channel);

    @RequestLine("DELETE /channels/{id}")
    void delete(@Param("id") String channelId);
}
