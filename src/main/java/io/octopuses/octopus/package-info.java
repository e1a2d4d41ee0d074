/**
 * The Octopus Deploy REST API client: what this application says to each Octopus server of the farm.
 *
 * <h2>Rooms</h2>
 * <ul>
 *   <li>{@code io.octopuses.octopus} (here): the entry points. {@link io.octopuses.octopus.OctopusClients} opens an
 *       {@link io.octopuses.octopus.OctopusClient} for an {@link io.octopuses.octopus.OctopusConnection} with
 *       {@link io.octopuses.octopus.OctopusClientProperties}; {@link io.octopuses.octopus.SpaceClient} is one space
 *       of a server; {@link io.octopuses.octopus.OctopusVersion} compares server versions.</li>
 *   <li>{@code .areas}: one interface per area of the REST API ({@code ProjectsApi}, {@code SystemApi}, ...) and the
 *       small value types their calls take ({@code TaskQuery}, {@code HealthStatus}, {@code NodePing}, ...).</li>
 *   <li>{@code .resources}: the DTOs, records of Octopus's PascalCase JSON, with {@code ResourceCollection} (one page
 *       of a list) and {@code OctopusJson} (the client's own mapper, for whoever reads or writes that JSON).</li>
 *   <li>{@code .errors}: {@code OctopusApiException} and one subclass per kind of failure.</li>
 *   <li>{@code .transport}: how the client talks (Feign, OkHttp, codec, retries, bounds, uploads, paging). Internal:
 *       nothing outside this module uses it (ArchitectureTest).</li>
 * </ul>
 * {@code areas}, {@code resources} and {@code errors} are published to other modules with this package;
 * {@code transport} is not.
 *
 * <h2>Getting a client, and a space</h2>
 * Capabilities get a server's client from the farm, by server slug (the farm holds the keys and keeps one client per
 * server). The server's own areas are on the client; a space's are on its {@link io.octopuses.octopus.SpaceClient},
 * by space id or name, and take no space id:
 * <pre>{@code
 * OctopusClient octopus = farmClients.forServer("prod-eu");
 * octopus.system().health();                                  // GET /api/serverstatus/health
 * SpaceClient space = octopus.space("Default");               // or octopus.space("Spaces-1")
 * space.projects().get("payments");                           // GET /api/Spaces-1/projects/payments
 * space.releases().createV1(CreateReleaseCommandV1.of(space.spaceId(), "Payments", "1.2.0"));
 * }</pre>
 * Names are looked up in the server's list of spaces, read once per client; an unknown space is an
 * {@code OctopusSpaceNotFoundException}. Tasks, teams and scoped user roles are on both, as Octopus serves them both
 * ways: {@code octopus.tasks()} sees every space, {@code space.tasks()} one.
 *
 * <h2>How it is built</h2>
 * <ul>
 *   <li>Per-area Feign interfaces built with {@code Feign.builder()} over OkHttp ({@code OkHttpTransport},
 *       feign-okhttp), one connection pool for all servers: no redirects followed, no silent re-sends, streamed
 *       response bodies. Request lines are relative to an API root, {@code {base}/api} or
 *       {@code {base}/api/{spaceId}} ({@code ApiRoot}), so one interface serves the server or any of its spaces.</li>
 *   <li>Every exchange is bounded, since every server is untrusted input: a JSON call as a whole by
 *       {@code call-timeout}, a streamed download or upload by {@code transfer-timeout}, every wait for the next
 *       bytes by {@code read-timeout}; a JSON answer larger than {@code max-response-size} is refused unread
 *       ({@code ResponseLimit}), an error body read only as far as its excerpt needs.</li>
 *   <li>JSON through the client's own PascalCase mapper ({@link io.octopuses.octopus.resources.OctopusJson});
 *       updatable DTOs keep unmodelled properties in {@code other()} so a read-modify-PUT never drops fields.</li>
 *   <li>Errors: {@code OctopusErrors} maps status and body (Octopus's {@code ErrorMessage}/{@code Errors}, or an
 *       excerpt of anything else) to {@link io.octopuses.octopus.errors.OctopusApiException} subclasses; the API key
 *       is redacted from every message ({@code Redaction}).</li>
 *   <li>Retries: {@code OctopusRetryer} (Feign's {@code Retryer}) — 429/503 for any method honouring
 *       {@code Retry-After}, other 5xx and I/O failures for reads only, exponential backoff.</li>
 *   <li>418 from {@code /serverstatus/health} and {@code /octopusservernodes/ping} is a state
 *       ({@code TeapotIsAState}).</li>
 *   <li>Uploads (packages, artifact content) stream from a file or stream through OkHttp directly
 *       ({@code StreamingUploads}), with the same headers, bounds, error mapping and retry policy.</li>
 *   <li>Paging: {@link io.octopuses.octopus.OctopusClient#readAll} follows {@code Page.Next} on the same server only;
 *       prefer {@code all()} where a resource has it.</li>
 * </ul>
 * This module knows nothing of processes, the farm or HTTP controllers ({@code OctopusPackageRulesTest},
 * {@code ArchitectureTest}).
 */
package io.octopuses.octopus;
