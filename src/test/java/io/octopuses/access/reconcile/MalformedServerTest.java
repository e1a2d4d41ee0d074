package io.octopuses.access.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.octopuses.access.desired.DesiredState;
import io.octopuses.access.desired.FarmTeam;
import io.octopuses.access.desired.Grant;
import io.octopuses.farm.FarmServer;
import io.octopuses.farm.Reachability;
import io.octopuses.octopus.OctopusClient;
import io.octopuses.octopus.OctopusClientProperties;
import io.octopuses.octopus.OctopusClients;
import io.octopuses.octopus.OctopusConnection;

/**
 * A server whose answers hold items without ids or names (a hostile or broken server, over real HTTP): they are left
 * out, and the rest is read and compared as usual instead of failing the server's run.
 */
class MalformedServerTest {

    private static final Map<String, String> ANSWERS = Map.of(
            "/api", "{\"Application\":\"Octopus Deploy\",\"Version\":\"2026.1.9674\",\"ApiVersion\":\"3.0.0\",\"Links\":{}}",
            "/api/userroles/all", "[{\"Id\":\"ur-v\",\"Name\":\"Project viewer\",\"GrantedSpacePermissions\":[\"ProjectView\"]},"
                    + "{\"Id\":null,\"Name\":\"Ghost\"},{\"Id\":\"ur-x\",\"Name\":null},null]",
            "/api/spaces/all", "[{\"Id\":\"Spaces-1\",\"Name\":\"Default\",\"IsDefault\":true},{\"Id\":\"Spaces-9\"}]",
            "/api/teams/all", "[{\"Id\":\"Teams-1\",\"Name\":null},{\"Id\":\"Teams-2\",\"Name\":\"Devs\","
                    + "\"Description\":\"Devs [octopuses:managed]\",\"MemberUserIds\":[\"Users-1\",null],"
                    + "\"ExternalSecurityGroups\":[{\"DisplayName\":\"no id\"},null]}]",
            "/api/users/all", "[{\"Id\":\"Users-1\",\"Username\":\"alice\"},{\"Id\":\"Users-2\"},{\"Username\":\"no-id\"}]",
            "/api/scopeduserroles", "{\"Items\":[{\"Id\":\"ScopedUserRoles-1\",\"TeamId\":\"Teams-2\",\"UserRoleId\":\"ur-v\","
                    + "\"SpaceId\":\"Spaces-1\"},{\"Id\":null,\"TeamId\":\"Teams-2\"},null],\"TotalResults\":3}",
            "/api/Spaces-1/environments/all", "[{\"Id\":null,\"Name\":\"Nameless\"}]",
            "/api/Spaces-1/projectgroups/all", "[]",
            "/api/Spaces-1/projects/all", "[]");

    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = ANSWERS.get(exchange.getRequestURI().getPath());
            byte[] bytes = (body == null ? "{\"ErrorMessage\":\"not here\"}" : body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void itemsWithoutIdsOrNamesAreLeftOutAndTheRestIsCompared() {
        OctopusClient octopus = new OctopusClients(OctopusClientProperties.defaults()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)))
                .connect(new OctopusConnection(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                        "API-MALFORMED0000000000000000001"));
        FarmServer farmServer = new FarmServer("odd", "Odd", "zone", Reachability.CONNECTED, "http://odd", 0, null,
                null, Map.of());
        ServerSlice slice = ServerSlice.of(new DesiredState(List.of(new FarmTeam("Devs", "Devs", List.of(),
                List.of(new FarmTeam.Member("alice", null, null, null), new FarmTeam.Member("bob", null, null, null)),
                List.of(), List.of(new Grant("Project viewer", null, null, null, null, null, null))))), farmServer);

        ServerAccess actual = new ServerAccessReader().read(octopus, slice.spaces());
        AccessDiff.Plan plan = AccessDiff.between(WantedAccess.of(slice, actual), actual);

        assertThat(actual.roles()).containsOnlyKeys("Project viewer");
        assertThat(actual.teams()).extracting(team -> team.id()).containsExactly("Teams-2");
        assertThat(actual.users()).containsOnlyKeys("alice");
        assertThat(actual.scopes().get("Default").environments()).isEmpty();
        assertThat(plan.changes()).extracting(change -> change.difference().kind() + " " + change.difference().detail())
                .containsExactly("USER_MISSING user 'bob'", "TEAM_DIFFERS members to add [bob]");
        assertThat(Set.copyOf(plan.conflicts())).isEmpty();
    }
}
