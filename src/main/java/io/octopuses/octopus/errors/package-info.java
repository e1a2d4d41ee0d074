/**
 * How an Octopus call fails: {@link io.octopuses.octopus.errors.OctopusApiException} and one subclass per kind of
 * failure a caller handles differently (authentication, not found, validation, conflict, rate limit, server error,
 * too large, unreachable, and a space the server does not have). Every message is free of API keys
 * ({@link io.octopuses.octopus.errors.Redaction}).
 *
 * <p>Part of the octopus module's published API: other modules catch these types.
 */
@NamedInterface("errors")
package io.octopuses.octopus.errors;

import org.springframework.modulith.NamedInterface;
