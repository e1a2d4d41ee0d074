package io.octopuses.farm.inventory;

import io.octopuses.octopus.OctopusConnection;

/** A server address as a user gives it, checked by the one rule of the Octopus client ({@link OctopusConnection#baseUrlOf}). */
final class ServerUrl {

    private ServerUrl() {
    }

    static String normalise(String raw) {
        try {
            return OctopusConnection.baseUrlOf(raw).toString();
        } catch (IllegalArgumentException malformed) {
            throw FarmProblems.malformedUrl(raw, malformed.getMessage());
        }
    }
}
