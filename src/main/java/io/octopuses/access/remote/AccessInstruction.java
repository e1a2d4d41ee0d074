package io.octopuses.access.remote;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.octopuses.access.desired.FarmTeam;

/**
 * {@code instruction.json}: what these DISCONNECTED servers of one zone are to grant, by name, as the sender's desired
 * state (version {@code desiredVersion}) wants it. The sender is authoritative for the servers it names.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record AccessInstruction(String zone, long desiredVersion, String sentBy, List<Slice> servers) {

    AccessInstruction {
        servers = servers == null ? List.of() : List.copyOf(servers);
    }

    /**
     * One server's slice: the farm teams one of whose grants targets it, each with only those grants.
     *
     * @param fingerprint SHA-256 of the slice as the sender computed it; the report names it back
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Slice(String server, String fingerprint, List<FarmTeam> teams) {

        Slice {
            teams = teams == null ? List.of() : List.copyOf(teams);
        }
    }
}
