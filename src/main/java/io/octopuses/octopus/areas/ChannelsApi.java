package io.octopuses.octopus.areas;

import feign.Param;
import feign.RequestLine;

import io.octopuses.octopus.resources.ChannelResource;
import io.octopuses.octopus.resources.ResourceCollection;

/** Channels ({@code /api/{spaceId}/channels}); a project's channels are also in {@link ProjectsApi#channels}. */
public interface ChannelsApi {

    @RequestLine("GET /api/{spaceId}/projects/{projectId}/channels?skip={skip}&take={take}")
    ResourceCollection<ChannelResource> forProject(@Param("spaceId") String spaceId,
                                                   @Param("projectId") String projectId,
                                                   @Param("skip") Integer skip, @Param("take") Integer take);

    @RequestLine("GET /api/{spaceId}/channels/{id}")
    ChannelResource get(@Param("spaceId") String spaceId, @Param("id") String channelId);

    @RequestLine("POST /api/{spaceId}/channels")
    ChannelResource create(@Param("spaceId") String spaceId, ChannelResource channel);

    @RequestLine("PUT /api/{spaceId}/channels/{id}")
    ChannelResource update(@Param("spaceId") String spaceId, @Param("id") String channelId, ChannelResource channel);

    @RequestLine("DELETE /api/{spaceId}/channels/{id}")
    void delete(@Param("spaceId") String spaceId, @Param("id") String channelId);
}
