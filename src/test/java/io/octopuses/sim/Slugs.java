package io.octopuses.sim;

import java.util.Locale;
import java.util.UUID;

/** Slugs and generated ids as Octopus makes them. */
final class Slugs {

    private Slugs() {
    }

    static String of(String name) {
        String slug = name == null ? "" : name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.isEmpty() ? "item" : slug;
    }

    /** Step, action, phase and package-reference ids are GUIDs on a real server. */
    static String guid() {
        return UUID.randomUUID().toString();
    }
}
