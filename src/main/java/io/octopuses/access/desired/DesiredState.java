package io.octopuses.access.desired;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The farm's desired identity and access: every team the farm manages on its Octopus servers, as one document that
 * can live in git (docs/access.md). Names, never Octopus IDs: they are translated per server.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record DesiredState(List<FarmTeam> teams) {

    public DesiredState {
        teams = Lists.of(teams);
    }

    public static DesiredState empty() {
        return new DesiredState(List.of());
    }
}
