package io.octopuses.access;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code octopuses.access.*}: identity and access (docs/access.md).
 *
 * @param validationTimeout how long validating a desired state may wait, in all, for the targeted servers' names
 *                          (read side by side, each once); a server that has not answered by then is reported as not
 *                          checked
 */
@ConfigurationProperties("octopuses.access")
public record AccessProperties(@DefaultValue("PT30S") Duration validationTimeout) {
}
