package io.octopuses.access.desired;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.octopuses.farm.FarmServer;

/**
 * One Octopus user role a team holds: on which servers, in which spaces, limited to which environments, project
 * groups, projects and tenants. Every scope is by name; an empty scope list does not limit that dimension.
 *
 * @param role          the user role's name as Octopus shows it, e.g. {@code Project deployer}
 * @param servers       which servers (none given: every server of the farm)
 * @param spaces        space names; none: the server's default space; {@value #EVERY_SPACE}: every space
 * @param environments  environment names
 * @param projectGroups project group names
 * @param projects      project names
 * @param tenants       tenant names (not checked against the servers yet)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Grant(String role, ServerTargets servers, List<String> spaces, List<String> environments,
                    List<String> projectGroups, List<String> projects, List<String> tenants) {

    /** In {@link #spaces}: every space of the server. */
    public static final String EVERY_SPACE = "*";

    public Grant {
        spaces = Lists.of(spaces);
        environments = Lists.of(environments);
        projectGroups = Lists.of(projectGroups);
        projects = Lists.of(projects);
        tenants = Lists.of(tenants);
    }

    /** The servers this grant targets: {@link #servers}, or the whole farm when it is not given. */
    public ServerTargets targets() {
        return servers == null ? ServerTargets.ALL : servers;
    }

    /**
     * Which servers a grant targets: the named {@code servers}, or every server that matches all the given filters
     * (zones, labels). Nothing given: the whole farm.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ServerTargets(List<String> servers, List<String> zones, Map<String, String> labels) {

        static final ServerTargets ALL = new ServerTargets(null, null, null);

        public ServerTargets {
            servers = Lists.of(servers);
            zones = Lists.of(zones);
            labels = Lists.of(labels);
        }

        boolean isAll() {
            return servers.isEmpty() && zones.isEmpty() && labels.isEmpty();
        }

        /** Whether the selection takes this server: named, or matching every filter given. */
        public boolean matches(FarmServer server) {
            if (!servers.isEmpty()) {
                return servers.contains(server.slug());
            }
            return (zones.isEmpty() || zones.contains(server.zone()))
                    && labels.entrySet().stream().allMatch(label -> label.getValue() != null
                    && label.getValue().equals(server.labels().get(label.getKey())));
        }
    }
}
