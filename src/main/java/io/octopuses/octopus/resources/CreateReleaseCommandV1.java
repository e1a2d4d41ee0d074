package io.octopuses.octopus.resources;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Body of {@code POST /api/{spaceId}/releases/create/v1} (server 2022.3.5512+): the server resolves package versions.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CreateReleaseCommandV1(
        String spaceId,
        String spaceIdOrName,
        String projectName,
        String releaseVersion,
        String channelName,
        String packageVersion,
        List<String> packages,
        String releaseNotes,
        Boolean ignoreIfAlreadyExists,
        Boolean ignoreChannelRules,
        String packagePrerelease,
        String gitRef,
        String gitCommit) {

    /** Create release {@code version} (null: the server picks the next) of a project, latest packages. */
    public static CreateReleaseCommandV1 of(String spaceId, String projectName, String version) {
        return new CreateReleaseCommandV1(spaceId, spaceId, projectName, version, null, null, null, null, null, null,
                null, null, null);
    }
}
