/**
 * The Octopus Deploy REST API client: one {@link io.octopuses.octopus.OctopusClient} per registered server, cached by
 * {@link io.octopuses.octopus.OctopusClients#connect}, or opened afresh with other settings (one attempt, a short call
 * timeout) by {@link io.octopuses.octopus.OctopusClients#open}.
 *
 * <h2>How it is built</h2>
 * <ul>
 *   <li>Per-area Feign interfaces ({@code SystemApi}, {@code ProjectsApi}, ...) built with {@code Feign.builder()}
 *       over OkHttp ({@code OkHttpTransport}, feign-okhttp), one connection pool for all servers: no redirects
 *       followed, no silent re-sends, streamed response bodies. Space-scoped calls take the space id.</li>
 *   <li>Every exchange is bounded, since every server is untrusted input: a JSON call as a whole by
 *       {@code call-timeout}, a streamed download or upload by {@code transfer-timeout}, every wait for the next
 *       bytes by {@code read-timeout}; a JSON answer larger than {@code max-response-size} is refused unread
 *       ({@code ResponseLimit}), an error body read only as far as its excerpt needs.</li>
 *   <li>JSON through the client's own PascalCase mapper ({@link io.octopuses.octopus.resources.OctopusJson}); DTOs are records
 *       in {@code octopus.resources}; updatable ones keep unmodelled properties in {@code other()} so a
 *       read-modify-PUT never drops fields.</li>
 *   <li>Errors: {@code OctopusErrors} maps status and body (Octopus's {@code ErrorMessage}/{@code Errors}, or an
 *       excerpt of anything else) to {@link io.octopuses.octopus.errors.OctopusApiException} subclasses; the API key is
 *       redacted from every message.</li>
 *   <li>Retries: {@code OctopusRetryer} (Feign's {@code Retryer}) — 429/503 for any method honouring
 *       {@code Retry-After}, other 5xx and I/O failures for reads only, exponential backoff.</li>
 *   <li>418 from {@code /serverstatus/health} and {@code /octopusservernodes/ping} is a state
 *       ({@code TeapotIsAState}).</li>
 *   <li>Uploads (packages, artifact content) stream from a file or stream through OkHttp directly
 *       ({@code StreamingUploads}), with the same headers, bounds, error mapping and retry policy.</li>
 *   <li>Paging: {@link io.octopuses.octopus.OctopusClient#readAll} follows {@code Page.Next} on the same server only;
 *       prefer {@code all()} where a resource has it.</li>
 * </ul>
 * This package knows nothing of processes, the farm or HTTP controllers ({@code OctopusPackageRulesTest}).
 */
package io.octopuses.octopus;
