package io.octopuses.access.reconcile;

import java.util.List;
import java.util.Set;

import io.octopuses.access.desired.FarmTeam;

/**
 * A farm team as one server should have it: a system team of that name, its description ending in the managed
 * marker, these members and external groups, and these scoped user roles (in the server's IDs).
 */
record WantedTeam(String name, String description, List<FarmTeam.Member> members,
                  List<FarmTeam.ExternalGroup> externalGroups, Set<RoleGrant> roles) {

    static String describe(String description) {
        return description == null || description.isBlank() ? FarmTeam.MANAGED_MARKER
                : description.strip() + " " + FarmTeam.MANAGED_MARKER;
    }
}
