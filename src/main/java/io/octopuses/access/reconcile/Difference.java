package io.octopuses.access.reconcile;

/**
 * One way a server differs from what the farm wants of it, in words.
 *
 * @param kind   {@link Kind}
 * @param team   the farm team concerned (null for a user)
 * @param detail what differs, by name
 */
public record Difference(Kind kind, String team, String detail) {

    public enum Kind {
        /** A member does not exist on the server: the user is created. */
        USER_MISSING,
        /** A farm team is missing: it is created with its members, groups and roles. */
        TEAM_MISSING,
        /** A managed team's description, members or external groups differ: they are set. */
        TEAM_DIFFERS,
        /** A managed team lacks a role: it is given. */
        ROLE_MISSING,
        /** A managed team holds a role the farm does not grant: it is taken away. */
        ROLE_EXTRA,
        /** A managed team the farm no longer wants there: its roles are taken away and it is deleted. */
        TEAM_EXTRA,
        /** A team of that name exists and is not managed by Octopuses: it is never touched; rename one of them. */
        TEAM_NOT_MANAGED
    }
}
