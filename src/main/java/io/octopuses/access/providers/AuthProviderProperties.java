package io.octopuses.access.providers;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code octopuses.access.auth-providers.*}: auth-provider consistency (docs/auth-providers.md).
 *
 * @param readTimeout  how long a report waits, in all, for the targeted servers' provider settings (read side by
 *                     side); a server that has not answered by then is reported UNREACHABLE
 * @param applyTimeout how long applying the standard waits, in all, for the targeted servers (each read, compared
 *                     and written side by side); a server that has not finished by then is reported as failed, its
 *                     state unknown until the next report
 * @param parallel     how many servers are read or written at the same time
 */
@ConfigurationProperties("octopuses.access.auth-providers")
public record AuthProviderProperties(@DefaultValue("PT20S") Duration readTimeout,
                                     @DefaultValue("PT60S") Duration applyTimeout,
                                     @DefaultValue("8") int parallel) {
}
