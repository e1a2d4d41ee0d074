package io.octopuses.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Users, their API keys and teams, user roles and scoped user roles. Teams and scoped user roles are system-wide
 * ({@code SpaceId} absent) or belong to a space; both {@code /api/teams} and {@code /api/Spaces-1/teams} serve them.
 * A key created through {@code /api/users/{userId}/apikeys} is shown once and signs in as its user until revoked
 * (see {@link ServerState#userIdForApiKey}); the key the simulator was started with is not among the listed keys.
 * {@code /api/users/{userId}/teams} lists the teams naming the user among their members, and the built-in Everyone
 * team ({@code teams-everyone}) every user belongs to without being listed in it. A team's external security groups
 * ({@code ExternalSecurityGroups}) are kept and shown, but nobody signs in through them here.
 */
final class AccessRoutes {

    static final String SYSTEM_ADMINISTRATOR_ROLE_ID = "userroles-systemadministrator";
    static final String SPACE_MANAGER_ROLE_ID = "userroles-spacemanager";
    static final String ADMINISTRATORS_TEAM_ID = "teams-administrators";
    static final String EVERYONE_TEAM_ID = "teams-everyone";

    private final ServerState state;

    AccessRoutes(ServerState state) {
        this.state = state;
        state.users.view(user -> {
            user.remove("Password");
            return user;
        });
        state.users.links((row, links) -> {
            String self = state.users.selfPath(row);
            links.put("Permissions", self + "/permissions");
            links.put("Spaces", self + "/spaces");
            links.put("Teams", self + "/teams{?spaces,includeSystem}");
            links.put("ApiKeys", self + "/apikeys{/id}{?skip,take}");
            links.put("Avatar", "https://www.gravatar.com/avatar/00000000000000000000000000000000?d=blank");
        });
        state.apiKeys.links((row, links) -> links.put("User", "/api/users/" + Json.text(row, "UserId")));
        state.teams.links((row, links) -> links.put("ScopedUserRoles", state.teams.selfPath(row) + "/scopeduserroles{?skip,take}"));
        state.userRoles.links((row, links) -> links.put("Web", "/app#/configuration/roles/" + Json.text(row, "Id")));
        state.scopedUserRoles.links((row, links) -> {
            links.put("UserRole", "/api/userroles/" + Json.text(row, "UserRoleId"));
            links.put("Team", "/api/teams/" + Json.text(row, "TeamId"));
        });
    }

    void register(Router router) {
        router.add("GET", "/api/users/me", r -> ApiResponse.ok(state.users.render(state.users.get(null, r.userId()))));
        router.add("GET", "/api/users/{userId}/teams", this::teamsOfUser);
        router.add("GET", "/api/users/{userId}/apikeys", this::apiKeys);
        router.add("POST", "/api/users/{userId}/apikeys", this::createApiKey);
        router.add("GET", "/api/users/{userId}/apikeys/{id}", r -> ApiResponse.ok(state.apiKeys.render(apiKey(r))));
        router.add("DELETE", "/api/users/{userId}/apikeys/{id}", this::revokeApiKey);
        new ResourceRoutes(state, state.users, "UserResource")
                .defaults(r -> Json.object(
                        "IsActive", true,
                        "IsService", false,
                        "IsRequestor", false,
                        "CanPasswordBeEdited", true,
                        "Identities", Json.array(),
                        "Created", state.now()))
                .validate(this::validateUser)
                .beforeDelete(user -> keysOf(Json.text(user, "Id")).forEach(state.apiKeys::remove))
                .filter((r, rows) -> {
                    String filter = r.query("filter");
                    String service = r.query("isServiceAccount");
                    return rows.stream()
                            .filter(u -> filter == null || contains(Json.text(u, "Username"), filter) || contains(Json.text(u, "DisplayName"), filter)
                                    || contains(Json.text(u, "EmailAddress"), filter))
                            .filter(u -> service == null || u.path("IsService").asBoolean() == Boolean.parseBoolean(service))
                            .toList();
                })
                .template("skip,take,ids,filter")
                .register(router, ResourceRoutes.Scope.SYSTEM);

        ResourceRoutes teams = new ResourceRoutes(state, state.teams, "TeamResource")
                .defaults(r -> Json.object(
                        "Slug", Slugs.of(Json.fieldText(r.json(), "Name")),
                        "Description", "",
                        "MemberUserIds", Json.array(),
                        "ExternalSecurityGroups", Json.array(),
                        "CanBeDeleted", true,
                        "CanBeRenamed", true,
                        "CanChangeMembers", true,
                        "CanChangeRoles", true))
                .allowDuplicateNames()
                .validate(this::validateTeam)
                .beforeDelete(team -> {
                    if (!team.path("CanBeDeleted").asBoolean(true)) {
                        throw OctopusException.badRequest("The built-in team '" + Json.text(team, "Name") + "' cannot be deleted.");
                    }
                    String id = Json.text(team, "Id");
                    state.scopedUserRoles.all().stream().filter(s -> id.equals(Json.text(s, "TeamId"))).forEach(state.scopedUserRoles::remove);
                })
                .filter(this::spaceFilter)
                .order(ResourceRoutes.byName())
                .template("skip,take,ids,partialName,spaces,includeSystem");
        teams.register(router, ResourceRoutes.Scope.BOTH);
        router.add("GET", "/api/teams/{id}/scopeduserroles", this::teamRoles);
        router.add("GET", Router.SPACE_PREFIX + "/teams/{id}/scopeduserroles", this::teamRoles);

        new ResourceRoutes(state, state.userRoles, "UserRoleResource")
                .defaults(r -> Json.object(
                        "Description", "",
                        "GrantedSpacePermissions", Json.array(),
                        "GrantedSystemPermissions", Json.array(),
                        "SpacePermissionDescriptions", Json.array(),
                        "SystemPermissionDescriptions", Json.array(),
                        "SupportedRestrictions", Json.array(),
                        "CanBeDeleted", true))
                .beforeDelete(role -> {
                    if (!role.path("CanBeDeleted").asBoolean(true)) {
                        throw OctopusException.badRequest("The built-in user role '" + Json.text(role, "Name") + "' cannot be deleted.");
                    }
                })
                .order(ResourceRoutes.byName())
                .register(router, ResourceRoutes.Scope.SYSTEM);

        new ResourceRoutes(state, state.scopedUserRoles, "ScopedUserRoleResource")
                .defaults(r -> Json.object(
                        "EnvironmentIds", Json.array(),
                        "ProjectIds", Json.array(),
                        "ProjectGroupIds", Json.array(),
                        "TenantIds", Json.array()))
                .validate(this::validateScopedRole)
                .filter(this::spaceFilter)
                .withoutAll()
                .register(router, ResourceRoutes.Scope.BOTH);
    }

    private static boolean contains(String haystack, String needle) {
        return haystack != null && haystack.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
    }

    /** {@code /api/X} shows everything (narrowed by {@code spaces}/{@code includeSystem}); {@code /api/Spaces-1/X} that space and system rows. */
    private List<ObjectNode> spaceFilter(ApiRequest request, List<ObjectNode> rows) {
        List<String> spaces = request.spaceId() != null ? List.of(request.spaceId()) : request.queryList("spaces");
        boolean includeSystem = request.boolQuery("includeSystem", true);
        if (spaces.isEmpty() || spaces.contains("all")) {
            return includeSystem ? rows : rows.stream().filter(r -> Json.text(r, "SpaceId") != null).toList();
        }
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode row : rows) {
            String space = Json.text(row, "SpaceId");
            if (space == null ? includeSystem : spaces.stream().anyMatch(space::equalsIgnoreCase)) {
                out.add(row);
            }
        }
        return out;
    }

    private void validateUser(ObjectNode user, ObjectNode existing) {
        String username = Json.text(user, "Username");
        if (username == null || username.isBlank()) {
            throw OctopusException.badRequest("Please provide a username.");
        }
        if (Json.text(user, "DisplayName") == null || Json.text(user, "DisplayName").isBlank()) {
            throw OctopusException.badRequest("Please provide a display name.");
        }
        state.users.all().stream()
                .filter(u -> username.equalsIgnoreCase(Json.text(u, "Username")))
                .filter(u -> existing == null || !Json.text(u, "Id").equals(Json.text(existing, "Id")))
                .findFirst()
                .ifPresent(u -> {
                    throw OctopusException.badRequest("A user with the username '" + username + "' already exists.");
                });
        if (user.path("IsService").asBoolean() && user.has("Password")) {
            throw OctopusException.badRequest("Service accounts cannot have a password.");
        }
        user.remove("Password");
        for (JsonNode identity : user.path("Identities")) {
            String provider = Json.fieldText(identity, "IdentityProviderName");
            if (provider == null || provider.isBlank() || !identity.path("Claims").isObject()) {
                throw OctopusException.badRequest("Each identity needs an IdentityProviderName and its Claims.");
            }
        }
    }

    private void validateTeam(ObjectNode team, ObjectNode existing) {
        String space = Json.text(team, "SpaceId");
        if (space != null && state.spaces.find(null, space).isEmpty()) {
            throw OctopusException.badRequest("The space '" + space + "' does not exist.");
        }
        if (existing != null) {
            if (!existing.path("CanBeRenamed").asBoolean(true) && !Json.text(existing, "Name").equals(Json.text(team, "Name"))) {
                throw OctopusException.badRequest("The built-in team '" + Json.text(existing, "Name") + "' cannot be renamed.");
            }
            team.put("SpaceId", Json.text(existing, "SpaceId"));
            for (String flag : List.of("CanBeDeleted", "CanBeRenamed", "CanChangeMembers", "CanChangeRoles")) {
                team.set(flag, existing.get(flag));
            }
        }
        String name = Json.text(team, "Name");
        state.teams.all().stream()
                .filter(t -> name.equalsIgnoreCase(Json.text(t, "Name")))
                .filter(t -> java.util.Objects.equals(Json.text(t, "SpaceId"), space))
                .filter(t -> existing == null || !Json.text(t, "Id").equals(Json.text(existing, "Id")))
                .findFirst()
                .ifPresent(t -> {
                    throw OctopusException.badRequest("A team with the name '" + name + "' already exists. Please choose a different name.");
                });
        for (JsonNode group : team.path("ExternalSecurityGroups")) {
            if (Json.fieldText(group, "Id") == null || Json.fieldText(group, "Id").isBlank()) {
                throw OctopusException.badRequest("Every external security group needs the Id its provider knows it by.");
            }
        }
        for (String userId : Json.texts(team, "MemberUserIds")) {
            if (state.users.find(null, userId).isEmpty()) {
                throw OctopusException.badRequest("The user '" + userId + "' does not exist.");
            }
        }
    }

    private void validateScopedRole(ObjectNode role, ObjectNode existing) {
        String roleId = Json.text(role, "UserRoleId");
        if (roleId == null || state.userRoles.find(null, roleId).isEmpty()) {
            throw OctopusException.badRequest(roleId == null ? "Please specify a user role (UserRoleId)." : "The user role '" + roleId + "' does not exist.");
        }
        String teamId = Json.text(role, "TeamId");
        if (teamId == null || state.teams.find(null, teamId).isEmpty()) {
            throw OctopusException.badRequest(teamId == null ? "Please specify a team (TeamId)." : "The team '" + teamId + "' does not exist.");
        }
        String space = Json.text(role, "SpaceId");
        if (space != null && state.spaces.find(null, space).isEmpty()) {
            throw OctopusException.badRequest("The space '" + space + "' does not exist.");
        }
        ObjectNode userRole = state.userRoles.get(null, roleId);
        if (space == null && userRole.path("GrantedSystemPermissions").isEmpty()) {
            throw OctopusException.badRequest("The user role '" + Json.text(userRole, "Name")
                    + "' only grants space permissions, so it must be scoped to a space (SpaceId).");
        }
        String teamSpace = Json.text(state.teams.get(null, teamId), "SpaceId");
        if (teamSpace != null && !teamSpace.equals(space)) {
            throw OctopusException.badRequest("The team '" + teamId + "' belongs to space '" + teamSpace
                    + "', so its roles must be scoped to that space.");
        }
        checkRestrictions(role, space);
    }

    /** Environments, projects and project groups must exist in the role's space; there are no tenants here. */
    private void checkRestrictions(ObjectNode role, String space) {
        List<String> restricted = new ArrayList<>();
        for (String field : List.of("EnvironmentIds", "ProjectIds", "ProjectGroupIds", "TenantIds")) {
            restricted.addAll(Json.texts(role, field));
        }
        if (space == null) {
            if (!restricted.isEmpty()) {
                throw OctopusException.badRequest("A system-level role cannot be restricted to environments, projects, "
                        + "project groups or tenants. Scope it to a space (SpaceId) first.");
            }
            return;
        }
        List<String> missing = new ArrayList<>();
        missing.addAll(unknown(state.environments, space, Json.texts(role, "EnvironmentIds")));
        missing.addAll(unknown(state.projects, space, Json.texts(role, "ProjectIds")));
        missing.addAll(unknown(state.projectGroups, space, Json.texts(role, "ProjectGroupIds")));
        missing.addAll(Json.texts(role, "TenantIds"));
        if (!missing.isEmpty()) {
            throw OctopusException.badRequest(missing.stream()
                    .map(id -> "The document '" + id + "' does not exist in space '" + space + "'.")
                    .toArray(String[]::new));
        }
    }

    private static List<String> unknown(Table table, String space, List<String> ids) {
        return ids.stream().filter(id -> table.find(space, id).isEmpty()).toList();
    }

    /**
     * The teams listing the user among their {@code MemberUserIds}, in every space, and Everyone, which every user is
     * in by being a user (so not directly assigned), each with its external security groups.
     */
    private ApiResponse teamsOfUser(ApiRequest request) {
        String userId = Json.text(state.users.get(null, request.param("userId")), "Id");
        List<ObjectNode> teams = new ArrayList<>();
        state.teams.all().stream()
                .filter(t -> EVERYONE_TEAM_ID.equals(Json.text(t, "Id"))
                        || Json.texts(t, "MemberUserIds").stream().anyMatch(userId::equalsIgnoreCase))
                .sorted(ResourceRoutes.byName())
                .forEach(t -> teams.add(Json.object(
                        "Id", Json.text(t, "Id"),
                        "Name", Json.text(t, "Name"),
                        "SpaceId", Json.text(t, "SpaceId"),
                        "IsDirectlyAssigned", !EVERYONE_TEAM_ID.equals(Json.text(t, "Id")),
                        "ExternalSecurityGroups", t.path("ExternalSecurityGroups").deepCopy())));
        return ApiResponse.ok(Json.array(teams));
    }

    /** The user's keys, newest first as the real server lists them; never the key itself. */
    private ApiResponse apiKeys(ApiRequest request) {
        String userId = Json.text(state.users.get(null, request.param("userId")), "Id");
        List<ObjectNode> keys = new ArrayList<>(keysOf(userId));
        Collections.reverse(keys); // the table keeps creation order
        return ApiResponse.ok(PagedCollection.of(request, "ApiKey", state.apiKeys.render(keys), "skip,take"));
    }

    /**
     * {@code {"Purpose": "...", "Expires": "<date>"}}: the answer is the only place the plaintext key ever appears;
     * the server keeps its hash. The document declares 200 (not 201) for it.
     */
    private ApiResponse createApiKey(ApiRequest request) {
        String userId = Json.text(state.users.get(null, request.param("userId")), "Id");
        JsonNode body = request.json();
        if (!body.isObject()) {
            throw OctopusException.badRequest("The request body must be a JSON object with a Purpose and an optional Expires date.");
        }
        String purpose = Json.fieldText(body, "Purpose");
        if (purpose == null || purpose.isBlank()) {
            throw OctopusException.badRequest("Please provide a purpose for the API key.");
        }
        Instant expires = expiry(Json.fieldText(body, "Expires"));
        String key = OctopusSimulator.randomApiKey();
        ObjectNode row = state.touch(Json.object(
                "Id", state.nextId(state.apiKeys.idPrefix()),
                "UserId", userId,
                "Purpose", purpose,
                "Created", state.now(),
                "Expires", expires,
                "ApiKeyHash", ServerState.hashApiKey(key)));
        state.apiKeys.put(row);
        ObjectNode created = state.apiKeys.render(row);
        created.put("ApiKey", key);
        return ApiResponse.ok(Shapes.get("ApiKeyCreatedResource").retainKnown(created));
    }

    /** The document's {@code DeleteUserApiKeyByIdResponse} is an empty object. */
    private ApiResponse revokeApiKey(ApiRequest request) {
        state.apiKeys.remove(apiKey(request));
        return ApiResponse.ok(Json.object());
    }

    /** The key {@code {id}} of user {@code {userId}}: 404 for an unknown user, and for a key of another user. */
    private ObjectNode apiKey(ApiRequest request) {
        String userId = Json.text(state.users.get(null, request.param("userId")), "Id");
        String id = request.param("id");
        return state.apiKeys.find(null, id)
                .filter(k -> userId.equals(Json.text(k, "UserId")))
                .orElseThrow(() -> OctopusException.notFound(id));
    }

    private List<ObjectNode> keysOf(String userId) {
        return state.apiKeys.all().stream().filter(k -> userId.equalsIgnoreCase(Json.text(k, "UserId"))).toList();
    }

    /** An absent {@code Expires} is a key that never expires; a date without a time or offset is UTC. */
    private Instant expiry(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Instant expires;
        try {
            expires = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                expires = LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    expires = LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException notDate) {
                    throw OctopusException.badRequest("The expiry date '" + text + "' is not a valid date.");
                }
            }
        }
        if (!expires.isAfter(state.now())) {
            throw OctopusException.badRequest("The expiry date of an API key must be in the future.");
        }
        return expires;
    }

    private ApiResponse teamRoles(ApiRequest request) {
        String teamId = Json.text(state.teams.get(null, request.param("id")), "Id");
        List<ObjectNode> rows = state.scopedUserRoles.all().stream()
                .filter(s -> teamId.equals(Json.text(s, "TeamId")))
                .filter(s -> request.spaceId() == null || Json.text(s, "SpaceId") == null || request.spaceId().equals(Json.text(s, "SpaceId")))
                .toList();
        return ApiResponse.ok(PagedCollection.of(request, "ScopedUserRole", state.scopedUserRoles.render(rows), "skip,take"));
    }
}
