package io.octopuses.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Comparator;

/** Release rules shared by the classic and executions APIs and the seeds. */
final class Releases {

    private Releases() {
    }

    static ObjectNode latestRelease(ServerState state, String spaceId, String projectId, String channelId) {
        return state.releases.list(spaceId).stream()
                .filter(r -> projectId.equals(Json.text(r, "ProjectId")))
                .filter(r -> channelId == null || channelId.equals(Json.text(r, "ChannelId")))
                .max(Comparator.comparing((ObjectNode r) -> Json.text(r, "Assembled"))
                        .thenComparing(r -> ProjectRoutes.idNumber(Json.text(r, "Id"))))
                .orElse(null);
    }

    /** The next version by Octopus's default template: last major.minor, next patch; 0.0.1 for the first release. */
    static String nextVersion(String lastVersion) {
        if (lastVersion == null) {
            return "0.0.1";
        }
        String core = lastVersion.split("[-+]")[0];
        String[] parts = core.split("\\.");
        try {
            String major = parts.length > 0 ? parts[0] : "0";
            String minor = parts.length > 1 ? parts[1] : "0";
            long patch = parts.length > 2 ? Long.parseLong(parts[2]) + 1 : 1;
            return major + "." + minor + "." + patch;
        } catch (NumberFormatException e) {
            return lastVersion + ".1";
        }
    }
}
