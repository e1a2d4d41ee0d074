package io.octopuses.servertask;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code octopuses.servertask.*}: how much of a failed task's log a caller gets, and how far the idempotent start
 * looks back for a deployment an earlier attempt created.
 *
 * @param logTailLines      the last lines of the log kept in {@code taskLogTail}
 * @param logTailChars      the most characters {@code taskLogTail} holds (a Camunda string variable holds 4,000)
 * @param errorMessageChars the most characters {@code taskErrorMessage} holds
 * @param clockSkew         how much earlier than the process's start (this application's clock) a deployment may be
 *                          stamped (the Octopus server's clock) and still be found as the one an earlier attempt of
 *                          the same start created
 */
@ConfigurationProperties("octopuses.servertask")
record ServerTaskProperties(@DefaultValue("40") int logTailLines,
                            @DefaultValue("3000") int logTailChars,
                            @DefaultValue("2000") int errorMessageChars,
                            @DefaultValue("30s") Duration clockSkew) {

    ServerTaskProperties {
        if (logTailChars > 3900 || errorMessageChars > 3900) {
            throw new IllegalArgumentException("octopuses.servertask: a Camunda string variable holds at most 4,000 characters");
        }
        if (clockSkew.isNegative()) {
            throw new IllegalArgumentException("octopuses.servertask.clock-skew cannot be negative");
        }
    }

    LogTail logTail() {
        return new LogTail(logTailLines, Math.min(500, logTailChars), logTailChars);
    }
}
