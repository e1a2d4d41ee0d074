package io.octopuses.promotion;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code octopuses.promotion.*}: how long a promotion bundle is valid, how often the waiting source is reminded, how
 * long a remote deployment may run, and where exported releases are staged.
 *
 * @param bundleValidity how long a promotion bundle can be imported (its manifest's notAfter); the source stops
 *                       waiting for results then
 * @param reminderEvery  while results are awaited, a reminder on the promotion's timeline and in the log this often
 * @param deployTimeout  how long the remote deployment task may run before it is cancelled
 * @param pollInterval   how often the remote deployment task is checked while it runs (the {@code pollInterval} of
 *                       "Run an Octopus task and wait"); the time a promotion may lose after the task ended
 * @param stagingDir     where exported releases wait to be sealed (default: {@code <data-dir>/promotions})
 * @param maxTaskLog     the most of the remote deployment's task log that travels back in the results (a longer log
 *                       is cut there, with a last line saying so; the whole log stays on the target server)
 */
@ConfigurationProperties("octopuses.promotion")
public record PromotionProperties(@DefaultValue("P7D") Duration bundleValidity,
                                  @DefaultValue("PT24H") Duration reminderEvery,
                                  @DefaultValue("PT2H") Duration deployTimeout,
                                  @DefaultValue("PT10S") Duration pollInterval,
                                  Path stagingDir,
                                  @DefaultValue("64MB") DataSize maxTaskLog) {

    public PromotionProperties {
        if (maxTaskLog.toBytes() < 1024) {
            throw new IllegalArgumentException("octopuses.promotion.max-task-log must be at least 1KB");
        }
    }
}
