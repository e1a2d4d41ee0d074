package io.octopuses.octopus.areas;

import java.util.List;
import java.util.Optional;

import feign.Param;
import feign.RequestLine;

import io.octopuses.octopus.resources.ApiKeyCreatedResource;
import io.octopuses.octopus.resources.ApiKeyResource;
import io.octopuses.octopus.resources.CreateApiKeyCommand;
import io.octopuses.octopus.resources.ProjectedTeamReferenceDataItem;
import io.octopuses.octopus.resources.ResourceCollection;
import io.octopuses.octopus.resources.UserResource;

/** Users and service accounts ({@code /api/users}, system-wide). */
public interface UsersApi {

    /** How many filtered users a find reads: the exact match is among the first few. */
    int FIND_TAKE = 100;

    @RequestLine("GET /users?filter={filter}&skip={skip}&take={take}")
    ResourceCollection<UserResource> list(@Param("filter") String filter, @Param("skip") Integer skip,
                                          @Param("take") Integer take);

    @RequestLine("GET /users/all")
    List<UserResource> all();

    @RequestLine("GET /users/me")
    UserResource me();

    @RequestLine("GET /users/{id}")
    UserResource get(@Param("id") String userId);

    @RequestLine("POST /users")
    UserResource create(UserResource user);

    @RequestLine("PUT /users/{id}")
    UserResource update(@Param("id") String userId, UserResource user);

    @RequestLine("DELETE /users/{id}")
    void delete(@Param("id") String userId);

    /** The teams the user is in, in every space, directly or through an external group. */
    @RequestLine("GET /users/{id}/teams")
    List<ProjectedTeamReferenceDataItem> teams(@Param("id") String userId);

    /** A new API key for the user; the answer is the only place the key is ever shown. */
    @RequestLine("POST /users/{id}/apikeys")
    ApiKeyCreatedResource createApiKey(@Param("id") String userId, CreateApiKeyCommand command);

    /** The user's API keys, newest first, without the keys themselves. */
    @RequestLine("GET /users/{id}/apikeys?skip={skip}&take={take}")
    ResourceCollection<ApiKeyResource> apiKeys(@Param("id") String userId, @Param("skip") Integer skip,
                                               @Param("take") Integer take);

    /** Revokes a key: from then on Octopus refuses it. */
    @RequestLine("DELETE /users/{id}/apikeys/{apiKeyId}")
    void deleteApiKey(@Param("id") String userId, @Param("apiKeyId") String apiKeyId);

    /** The user with that username (case ignored); the server's {@code filter} narrows the search first. */
    default Optional<UserResource> findByUsername(String username) {
        return list(username, 0, FIND_TAKE).items().stream()
                .filter(user -> username.equalsIgnoreCase(user.username()))
                .findFirst();
    }

    /** The user with that email address (case ignored); {@code filter} also matches email addresses. */
    default Optional<UserResource> findByEmail(String email) {
        return list(email, 0, FIND_TAKE).items().stream()
                .filter(user -> email.equalsIgnoreCase(user.emailAddress()))
                .findFirst();
    }
}
