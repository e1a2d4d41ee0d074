package io.octopuses.promotion.copy;

import java.util.Optional;

import io.octopuses.octopus.SpaceClient;
import io.octopuses.octopus.resources.ProjectResource;

/**
 * Finds a project the way a person names it. Octopus answers {@code GET /projects/{slug}} directly, so a slug costs one
 * small call; only a name needs the space's whole project list (which, on a server with thousands of projects, is a
 * large answer).
 */
public final class ProjectLookup {

    private ProjectLookup() {
    }

    /** The project with this slug (case-insensitive). */
    public static Optional<ProjectResource> bySlug(SpaceClient space, String slug) {
        return CopyProblems.ifFound(() -> space.projects().get(slug)).filter(p -> slug.equalsIgnoreCase(p.slug()))
                .or(() -> space.projects().all().stream().filter(p -> slug.equalsIgnoreCase(p.slug())).findFirst());
    }

    /** The project with this slug, else with this name, else with this id (case-insensitive). */
    public static Optional<ProjectResource> bySlugOrName(SpaceClient space, String slugOrName) {
        return CopyProblems.ifFound(() -> space.projects().get(slugOrName))
                .filter(p -> slugOrName.equalsIgnoreCase(p.slug()) || slugOrName.equalsIgnoreCase(p.id()))
                .or(() -> space.projects().all().stream().filter(p -> slugOrName.equalsIgnoreCase(p.slug())
                        || slugOrName.equalsIgnoreCase(p.name())).findFirst());
    }
}
