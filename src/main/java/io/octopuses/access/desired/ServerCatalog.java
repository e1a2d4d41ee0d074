package io.octopuses.access.desired;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names one server knows, read once per validation: its user roles, its spaces, and in the spaces a grant
 * needs, environments, project groups and projects.
 *
 * @param roles        user role names
 * @param systemRoles  the names of roles that grant system permissions only (no space permission to scope)
 * @param spaceNames   every space's name
 * @param defaultSpace the name of the space marked default (null when none is)
 * @param spaces       the contents of the spaces that were read, by space name
 */
record ServerCatalog(Set<String> roles, Set<String> systemRoles, Set<String> spaceNames, String defaultSpace, Map<String, SpaceCatalog> spaces) {

    /** The grant's spaces as they exist on this server: none listed means the default one, {@code *} every one. */
    List<String> spacesOf(List<String> named) {
        if (named.isEmpty()) {
            return defaultSpace == null ? List.of() : List.of(defaultSpace);
        }
        if (named.contains(Grant.EVERY_SPACE)) {
            return List.copyOf(spaceNames);
        }
        return named.stream().filter(spaceNames::contains).toList();
    }

    record SpaceCatalog(Set<String> environments, Set<String> projectGroups, Set<String> projects) {
    }
}
