package io.octopuses.access.reconcile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.octopuses.access.desired.DesiredState;
import io.octopuses.access.desired.FarmTeam;
import io.octopuses.access.desired.Grant;
import io.octopuses.farm.FarmServer;

/**
 * The part of the desired state one server is to hold, still by name: the farm teams one of whose grants targets it,
 * each with only those grants. Its fingerprint tells whether what the farm wants of the server changed since it was
 * last applied there, which is how a change to roll out is told from drift. A DISCONNECTED server's slice travels
 * to its zone's instance in an {@code access-instruction} bundle (io.octopuses.access.remote), which applies it
 * instead of its own desired state.
 */
public record ServerSlice(String server, List<FarmTeam> teams) {

    public ServerSlice {
        teams = teams == null ? List.of() : List.copyOf(teams);
    }

    public static ServerSlice of(DesiredState state, FarmServer server) {
        List<FarmTeam> teams = state.teams().stream()
                .map(team -> new FarmTeam(team.name(), team.description(), team.owners(), team.members(),
                        team.externalGroups(), team.grants().stream()
                        .filter(grant -> grant.targets().matches(server)).toList()))
                .filter(team -> !team.grants().isEmpty())
                .toList();
        return new ServerSlice(server.slug(), teams);
    }

    /** The space names the grants use: {@code ""} for the default space, {@value Grant#EVERY_SPACE} for all. */
    Set<String> spaces() {
        Set<String> spaces = new LinkedHashSet<>();
        teams.forEach(team -> team.grants().forEach(grant -> spaces.addAll(
                grant.spaces().isEmpty() ? List.of("") : grant.spaces())));
        return spaces;
    }

    /** SHA-256 of the slice as JSON (owners left out: they do not reach the server). */
    public String fingerprint(ObjectMapper json) {
        try {
            List<FarmTeam> withoutOwners = teams.stream().map(team -> new FarmTeam(team.name(), team.description(),
                    List.of(), team.members(), team.externalGroups(), team.grants())).toList();
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(withoutOwners).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
