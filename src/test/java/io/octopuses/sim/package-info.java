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
 * A JUnit 5 test class registers a {@link io.octopuses.sim.SimulatorExtension} per server instead: started and closed
 * with the class (a static field; its levers reset before each test) or with each test (an instance field).
 * The configured key signs in as the administrator ({@code Users-1}); a key created with
 * {@code POST /api/users/{userId}/apikeys} signs in as its user until it is revoked or expires, or the user is
 * deactivated or deleted. A script step takes the time its script sleeps ({@code Start-Sleep -Seconds N},
 * {@code sleep N}) times {@code controls().timeFactor(f)}; other steps take {@code stepDuration}.
 * {@code builder().controlSurface(true)} adds the HTTP control surface on {@code /_simulator/...}: the same levers for
 * curl, without an API key, answering even while the API is offline. {@link io.octopuses.sim.SimulatedFarm} starts
 * many at once; {@link io.octopuses.sim.DemoFarm} starts the three demo servers on ports 8091-8093 (control surface
 * on); {@link io.octopuses.sim.SimulatorLauncher} runs them from the command line ({@code --control},
 * {@code --step-duration MS}, {@code --time-factor F}). docs/simulator.md has the details.
 *
 * <h2>How it is built</h2>
 * {@code OctopusSimulator} wires a {@code ServerState} (tables of JSON resources, like Octopus's database), a
 * {@code Router} filled by one {@code *Routes} class per resource area, and an {@code HttpEndpoint} (a JDK HttpServer
 * on the shared {@code SimulatorRuntime} pool) that applies the {@code SimulatorControls}; {@code ControlRoutes}
 * serves them over HTTP (routes marked {@code CONTROL}, answered before anything else). Resource field names and
 * types come from Octopus's Swagger document ({@code Shapes}, generated); deployments run as {@code SimulatedTask}s
 * stepped by the {@code DeploymentExecutor} on a shared scheduler, each step as long as {@code ScriptDuration} reads
 * from its script; runbook runs ({@code Runbooks}, {@code RunbookRoutes}) are tasks of the same executor, and
 * {@code SimulatorControls.onRunbookRun} hooks stand in for what their scripts would do elsewhere.
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
 *   <li>{@code GET .../packages/{id}} sends the package's {@code Hash} (SHA-1) and {@code PackageSizeBytes}, as
 *       upload and list do; the document's {@code PackageResource} lacks both.</li>
 *   <li>A duplicate build information push (FailIfExists) answers 409, as a duplicate package push does; the
 *       document declares no 409 for either.</li>
 * </ul>
 *
 * <h2>Not confirmed against a real server</h2>
 * Chosen from public sources as well as they allow, and to be corrected when a real server says otherwise:
 * <ul>
 *   <li>The duplicate package text: "A package with the same name and version already exists" is today's start (the
 *       official TS client's test expects it); the sentence after it is carried over from the older "same ID"
 *       text.</li>
 *   <li>The duplicate build information text ({@code OctopusErrors.buildInformationExists}) and its 409; the
 *       {@code ItemType} of the build information list; {@code VcsCommitUrl}/commit {@code LinkUrl} made for any
 *       {@code http(s)} Git root as {@code <root>/commit/<sha>}; no issue tracker, so no {@code WorkItems}.</li>
 *   <li>The names {@code /api/capabilities} lists (the executions API commands served, named as their request
 *       bodies are in the document) and the 404 text of an unknown capability.</li>
 *   <li>The 400 texts of {@code POST /tasks/rerun/{id}} for a deployment task (the document says they "cannot be
 *       re-run") and for an unfinished task; {@code CanRerun} is false for both.</li>
 *   <li>{@code IsDirectlyAssigned: false} on the Everyone team in {@code /api/users/{id}/teams}.</li>
 *   <li>Runbooks: the 404 of {@code /runbook-runs/create/v1} for an unknown runbook and its text, the 400 texts for an
 *       unpublished runbook, an environment outside a runbook's {@code Specified} scope and an unknown tenant (the
 *       simulator has no tenants); a run's {@code Name} and its task's description ("Run X in Test"); snapshot process
 *       ids ({@code RunbookProcess-Runbooks-1-s-1-ABCDE}); the status (400) of a duplicate snapshot name (its text is
 *       the one Octopus users report); {@code Publish} accepted in the snapshot body as well as
 *       {@code ?publish=true}.</li>
 *   <li>Access: the {@code userroles-...} ids of the built-in roles (a real server's differ; clients find roles by
 *       name) and the permissions each grants (from Octopus's "default permissions" page where it lists them);
 *       "Task viewer" is not seeded (not found as a built-in role); the 400 texts for a scoped role naming an unknown
 *       environment/project/project group ("The document ... does not exist in space ..."), any tenant (there are
 *       none), restrictions on a system-level role, and a space team's role outside its space; an external security
 *       group without an {@code Id} and an identity without provider or claims being refused.</li>
 *   <li>Configuration ({@code AuthenticationProvider}): the section ids are the providers' own
 *       ({@code authentication-od} is Okta in Octopus's Okta extension); their listed names and descriptions, the
 *       fields beyond the OpenID Connect base ({@code Issuer}, {@code ClientId}, {@code ClientSecret},
 *       {@code AllowAutoUserCreation}), the defaults, {@code Id}/{@code Links} in the values, and the rules: the
 *       whole section replaced on PUT, a provider enabled only with
 *       {@code Issuer}/{@code ClientId} set (texts invented), a wrongly typed value refused with 400. The secret
 *       rules follow the source of Octopus's OpenID Connect extensions (kept only when sent as
 *       {@code {"HasValue": true}}, cleared when left out or null; Azure AD's {@code ClientKey} is a second secret),
 *       not a real server's answers; the Swagger document leaves the values untyped. Whether the Okta and generic
 *       OpenID Connect extensions bundled with 2026.1 have a second secret, and the exact fields of Google Apps and
 *       Active Directory, are not confirmed.</li>
 * </ul>
 *
 * <h2>How its fidelity is proven</h2>
 * {@code SimulatorConformanceTest} drives every route of the simulator's own route table through success and error
 * answers and validates each answer against the Swagger document ({@code OctopusSwagger}, where each tolerated gap is
 * listed with its reason); a route added without being exercised there, or one the document lacks, fails it.
 * The {@code /_simulator} control routes are excluded from that on purpose: they are not Octopus API
 * ({@code ControlSurfaceTest} drives them). {@code OfficialClientScenarioTest} runs Octopus's own TypeScript client
 * ({@code src/test/ts}) through the deploy-a-release flow of its integration tests, and through its waiter's
 * timeout and cancel-on-timeout against a script step that sleeps for hours.
 */
package io.octopuses.sim;
