package io.octopuses.octopus.resources;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A user or service account ({@code /api/users}). {@code Password} is write-only.
 *
 * <p>{@code other} keeps the properties this client does not model, so reading, changing and PUTting a
 * resource back never drops what a newer server sent.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserResource(
        String id,
        String username,
        String displayName,
        String emailAddress,
        Boolean isActive,
        Boolean isService,
        String password,
        List<IdentityResource> identities,
        Boolean canPasswordBeEdited,
        Boolean isRequestor,
        Map<String, String> links,
        @JsonAnyGetter @JsonAnySetter Map<String, Object> other) {
}
