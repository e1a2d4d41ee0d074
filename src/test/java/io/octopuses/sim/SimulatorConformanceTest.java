package io.octopuses.sim;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Proves that what the simulator answers is what Octopus Server {@value OctopusSwagger#VERSION} documents: every
 * route the simulator serves is driven through success and error answers (see {@link ConformanceScenario} and the
 * sweeps below) on a DEV and an EMPTY simulator; every answer is validated against Octopus's own Swagger document
 * with Atlassian's swagger-request-validator; the routes exercised are compared with the simulator's own route
 * table, so a route added later without being exercised here fails this test; and every route of that table must
 * be an operation the document has.
 *
 * <p>The full report (every message per route) is written to {@code target/conformance-report.txt}. Without the
 * document the test is skipped with a warning naming the path it looked at; in CI it fails ({@link Prerequisites}).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SimulatorConformanceTest {

    private static final String API_KEY = "API-CONFORMANCE0000000000000000001";
    private static final String WRONG_KEY = "API-WRONGKEY00000000000000000000001";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");

    /** Error answers the scenario must have produced somewhere, besides 200 and 201. */
    private static final Set<Integer> REQUIRED_STATUSES = Set.of(200, 201, 400, 401, 404, 409, 418);

    /** The demo's development server, driven through everything; its route table is every simulator's. */
    @RegisterExtension
    static final SimulatorExtension dev = simulator("conformance-dev", SimulatorSeed.DEV);
    /** A fresh server, driven through what only an empty one answers. */
    @RegisterExtension
    static final SimulatorExtension empty = simulator("conformance-empty", SimulatorSeed.EMPTY);

    @Test
    void everyRouteTheSimulatorServesAnswersAsOctopusSwaggerDocuments() throws IOException {
        OctopusSwagger.require();
        long started = System.nanoTime();
        OctopusSwagger swagger = OctopusSwagger.load();
        long loaded = System.nanoTime();
        Router table = dev.simulator().router(); // the simulator's own route table: every simulator serves the same one

        List<String> behaviour = new ArrayList<>();
        List<SpecExchange> exchanges = new ArrayList<>();
        SpecRecorder devHttp = new SpecRecorder(dev.baseUrl().toString(), dev.apiKey());
        ConformanceScenario devScenario = new ConformanceScenario(dev.simulator(), devHttp);
        drive(devScenario::driveEverything, "DEV", behaviour);
        devScenario.surprises().forEach(x -> behaviour.add("DEV scenario: " + x));
        sweep(table, devHttp, devScenario.defaultSpaceId(), behaviour);
        exchanges.addAll(devHttp.exchanges());

        SpecRecorder emptyHttp = new SpecRecorder(empty.baseUrl().toString(), empty.apiKey());
        ConformanceScenario emptyScenario = new ConformanceScenario(empty.simulator(), emptyHttp);
        drive(emptyScenario::driveFreshServer, "EMPTY", behaviour);
        emptyScenario.surprises().forEach(x -> behaviour.add("EMPTY scenario: " + x));
        exchanges.addAll(emptyHttp.exchanges());

        long driven = System.nanoTime();
        // validate every answer, grouped by the simulator route that gave it
        Map<String, Map<String, List<SpecExchange>>> problems = new TreeMap<>();
        Map<String, Set<Integer>> statusesByRoute = new TreeMap<>();
        Set<Integer> statuses = new TreeSet<>();
        List<String> unrouted = new ArrayList<>();
        List<List<String>> messages = exchanges.parallelStream().map(swagger::validate).toList();
        for (int i = 0; i < exchanges.size(); i++) {
            SpecExchange exchange = exchanges.get(i);
            Router.Match match = table.match(exchange.method(), exchange.path());
            if (match == null) {
                unrouted.add(exchange.describe());
                continue;
            }
            String route = key(match.route());
            statusesByRoute.computeIfAbsent(route, r -> new TreeSet<>()).add(exchange.status());
            statuses.add(exchange.status());
            for (String message : messages.get(i)) {
                problems.computeIfAbsent(route, r -> new LinkedHashMap<>())
                        .computeIfAbsent(message, m -> new ArrayList<>()).add(exchange);
            }
        }

        System.out.printf("conformance: spec loaded in %d ms, scenario in %d ms, validation in %d ms%n",
                (loaded - started) / 1_000_000, (driven - loaded) / 1_000_000, (System.nanoTime() - driven) / 1_000_000);
        // coverage: every route of the simulator's own table answered successfully at least once
        List<String> uncovered = new ArrayList<>();
        for (Router.Route route : octopusRoutes(table)) {
            Set<Integer> seen = statusesByRoute.getOrDefault(key(route), Set.of());
            if (seen.stream().noneMatch(s -> s / 100 == 2)) {
                uncovered.add(key(route) + (seen.isEmpty() ? "  (never called)" : "  (only " + seen + ")"));
            }
        }
        // and every route of the table is one the real server has
        List<String> undocumented = octopusRoutes(table).stream()
                .filter(route -> !swagger.documents(route.method(), route.template()))
                .map(SimulatorConformanceTest::key)
                .toList();
        Set<Integer> missingStatuses = new TreeSet<>(REQUIRED_STATUSES);
        missingStatuses.removeAll(statuses);

        String report = report(exchanges.size(), octopusRoutes(table).size(), problems, uncovered, undocumented,
                missingStatuses, behaviour, unrouted, statusesByRoute);
        Path reportFile = Path.of("target", "conformance-report.txt");
        Files.createDirectories(reportFile.getParent());
        Files.writeString(reportFile, report, StandardCharsets.UTF_8);
        System.out.println(report);
        if (!problems.isEmpty() || !uncovered.isEmpty() || !undocumented.isEmpty() || !missingStatuses.isEmpty()
                || !behaviour.isEmpty()) {
            fail(report.length() > 30_000 ? report.substring(0, 30_000) + "\n... (see " + reportFile.toAbsolutePath() + ")" : report);
        }
    }

    /**
     * The routes a real Octopus Server has too: all but the simulator's own {@code /_simulator} control surface
     * ({@link Router.Option#CONTROL}, on here as in the demo). Those are excluded from the coverage, documented-route
     * and 401/404 checks on purpose: they are not Octopus API, so Octopus's Swagger cannot judge them, and they take no
     * API key by design; {@code SimulatorControlsTest} drives them.
     */
    private static List<Router.Route> octopusRoutes(Router table) {
        return table.routes().stream().filter(route -> !route.has(Router.Option.CONTROL)).toList();
    }

    /** Runs a scenario; if an answer stops it, that is reported with everything recorded up to then. */
    private static void drive(Runnable scenario, String seed, List<String> behaviour) {
        try {
            scenario.run();
        } catch (AssertionError | RuntimeException e) {
            StringBuilder where = new StringBuilder();
            for (StackTraceElement frame : e.getStackTrace()) {
                if (frame.getClassName().equals(ConformanceScenario.class.getName())) {
                    where.append(" at ").append(frame.getMethodName()).append(':').append(frame.getLineNumber());
                    break;
                }
            }
            behaviour.add("the " + seed + " scenario stopped" + where + ": " + e.getMessage());
        }
    }

    /**
     * Mechanical error answers for every route of the table: without (or with a wrong) API key every non-anonymous
     * route answers 401; with an id that does not exist every route with an id answers 404, and every space-scoped
     * route answers 404 for a space that does not exist.
     */
    private static void sweep(Router table, SpecRecorder http, String space, List<String> behaviour) {
        SpecRecorder noKey = http.withApiKey(null);
        SpecRecorder wrongKey = http.withApiKey(WRONG_KEY);
        int n = 0;
        for (Router.Route route : octopusRoutes(table)) {
            byte[] body = route.method().equals("GET") || route.method().equals("DELETE") ? null : "{}".getBytes(StandardCharsets.UTF_8);
            String contentType = body == null ? null : "application/json";
            if (!route.has(Router.Option.ANONYMOUS)) {
                SpecRecorder caller = n++ % 2 == 0 ? noKey : wrongKey;
                expectStatus(401, caller.send(route.method(), instantiate(route.template(), space, "Missing-401"), contentType, body),
                        key(route), behaviour);
            }
            if (hasIdParameter(route.template())) {
                expectStatus(404, http.send(route.method(), instantiate(route.template(), space, "Missing-404"), contentType, body),
                        key(route), behaviour);
            } else if (route.template().contains("{spaceId}")) {
                expectStatus(404, http.send(route.method(), instantiate(route.template(), "Spaces-404", "Missing-404"), contentType, body),
                        key(route), behaviour);
            }
        }
    }

    private static void expectStatus(int status, SpecExchange exchange, String route, List<String> behaviour) {
        if (exchange.status() != status) {
            behaviour.add(route + ": expected " + status + " but " + exchange.describe() + " " + abbreviate(exchange.bodyText()));
        }
    }

    private static boolean hasIdParameter(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!m.group(1).equals("spaceId")) {
                return true;
            }
        }
        return false;
    }

    private static String instantiate(String template, String space, String missingId) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1).equals("spaceId") ? space : missingId));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static SimulatorExtension simulator(String name, SimulatorSeed seed) {
        return SimulatorExtension.builder().name(name).port(0).apiKey(API_KEY).version(OctopusSwagger.VERSION).seed(seed)
                .controlSurface(true).build();
    }

    private static String key(Router.Route route) {
        return route.method() + " " + route.template();
    }

    private static String report(int exchanges, int routes, Map<String, Map<String, List<SpecExchange>>> problems,
                                 List<String> uncovered, List<String> undocumented, Set<Integer> missingStatuses,
                                 List<String> behaviour,
                                 List<String> unrouted, Map<String, Set<Integer>> statusesByRoute) {
        StringBuilder out = new StringBuilder();
        out.append("Simulator conformance to Octopus Swagger ").append(OctopusSwagger.VERSION).append(": ")
                .append(exchanges).append(" exchanges over ").append(routes).append(" routes; ")
                .append(problems.size()).append(" routes with validation messages, ")
                .append(uncovered.size()).append(" routes not covered, ")
                .append(undocumented.size()).append(" routes the real server does not have, ")
                .append(behaviour.size()).append(" unexpected statuses.\n");
        if (!missingStatuses.isEmpty()) {
            out.append("\nStatuses never answered anywhere (the scenario must provoke them): ").append(missingStatuses).append('\n');
        }
        if (!uncovered.isEmpty()) {
            out.append("\nRoutes of the simulator's table without a successful exchange (extend ConformanceScenario):\n");
            uncovered.forEach(u -> out.append("  ").append(u).append('\n'));
        }
        if (!undocumented.isEmpty()) {
            out.append("\nRoutes the simulator serves but Octopus's Swagger does not document (a real server answers 404/405):\n");
            undocumented.forEach(u -> out.append("  ").append(u).append('\n'));
        }
        if (!problems.isEmpty()) {
            out.append("\nValidation messages per route:\n");
            problems.forEach((route, messages) -> {
                out.append("  ").append(route).append('\n');
                messages.forEach((message, examples) -> out.append("    - ").append(message.replace("\n", "\n      "))
                        .append("\n      (").append(examples.size()).append("x, e.g. ").append(examples.get(0).describe())
                        .append(")\n"));
            });
        }
        if (!behaviour.isEmpty()) {
            out.append("\nUnexpected statuses (scenario and 401/404 sweeps):\n");
            behaviour.forEach(b -> out.append("  ").append(b).append('\n'));
        }
        if (!unrouted.isEmpty()) {
            out.append("\nExchanges no route of the table matches (not validated): ").append(unrouted).append('\n');
        }
        out.append("\nStatuses seen per route:\n");
        statusesByRoute.forEach((route, seen) -> out.append("  ").append(route).append("  ").append(seen).append('\n'));
        return out.toString();
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
