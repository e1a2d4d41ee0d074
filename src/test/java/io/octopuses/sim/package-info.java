/**
 * A simulated Octopus Deploy Server for tests and the demo: stateful, in memory, answering over real HTTP with the
 * routes, JSON field names, paging envelope, error bodies and task lifecycle of Octopus Server 2026.1.
 *
 * <h2>Use</h2>
 * <pre>{@code
 * try (OctopusSimulator sim = OctopusSimulator.builder().seed(SimulatorSeed.DEV).start()) {
 *     // sim.baseUrl() = http://127.0.0.1:PORT, the API at /api; send sim.apiKey() as X-Octopus-ApiKey
 *     sim.controls().failNext(503, 2).latency(Duration.ofMillis(100));
 *     sim.requests();   // what the client sent, in order
 * }
 * }</pre>
 * The configured key signs in as the administrator ({@code Users-1}); a key created with
 * {@code POST /api/users/{userId}/apikeys} signs in as its user until it is revoked or expires, or the user is
 * deactivated or deleted. {@link io.octopuses.sim.SimulatedFarm} starts many at once; {@link io.octopuses.sim.DemoFarm} starts the three demo
 * servers on ports 8091-8093; {@link io.octopuses.sim.SimulatorLauncher} runs them from the command line.
 *
 * <h2>How it is built</h2>
 * {@code OctopusSimulator} wires a {@code ServerState} (tables of JSON resources, like Octopus's database), a
 * {@code Router} filled by one {@code *Routes} class per resource area, and an {@code HttpEndpoint} (a JDK HttpServer
 * on the shared {@code SimulatorRuntime} pool) that applies the {@code SimulatorControls}. Resource field names and
 * types come from Octopus's Swagger document ({@code Shapes}, generated); deployments run as {@code SimulatedTask}s
 * stepped by the {@code DeploymentExecutor} on a shared scheduler.
 *
 * <h2>Where it knowingly differs from the Swagger document</h2>
 * <ul>
 *   <li>Action/step {@code Properties} and template parameter {@code DefaultValue} are plain strings, as real
 *       servers send them (the document says {@code PropertyValueResource} objects).</li>
 *   <li>No JSON {@code null} is ever written (the document allows none); absent means null, e.g. a sensitive
 *       variable has no {@code Value}.</li>
 *   <li>Error bodies are sent with 401/404/409/418 even where the document declares no body; 401 and 409 are
 *       not declared at all.</li>
 *   <li>{@code GET .../interruptions/{id}/responsible} sends the responsible user (as the 2021.2 document and
 *       Octopus.Client say; the 2026.1 document declares no body).</li>
 * </ul>
 *
 * <h2>How its fidelity is proven</h2>
 * {@code SimulatorConformanceTest} drives every route of the simulator's own route table through success and error
 * answers and validates each answer against the Swagger document ({@code OctopusSwagger}, where each tolerated gap is
 * listed with its reason); a route added without being exercised there, or one the document lacks, fails it.
 * {@code OfficialClientScenarioTest} runs Octopus's own TypeScript client ({@code src/test/ts}) through the
 * deploy-a-release flow of its integration tests.
 */
package io.octopuses.sim;
