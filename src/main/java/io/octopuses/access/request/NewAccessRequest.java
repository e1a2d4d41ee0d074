package io.octopuses.access.request;

import java.util.List;

/**
 * What a person asks for (the REST body and the Tasklist start form): a farm {@code team}'s membership, or a
 * {@code role} on one {@code server} (optionally limited, by name), for an ISO 8601 {@code duration}, with a
 * {@code reason}. The requester is whoever is signed in, never a field. {@code email} and {@code displayName} are
 * only read when the requester is not a member of any team of the desired state (the server needs them to create
 * the user).
 */
public record NewAccessRequest(String team, String server, String role, List<String> spaces,
                               List<String> environments, List<String> projectGroups, List<String> projects,
                               String duration, String reason, String email, String displayName) {
}
