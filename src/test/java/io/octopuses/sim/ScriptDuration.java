package io.octopuses.sim;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a script says it takes: the sleeps in a step's script body, summed. PowerShell's
 * {@code Start-Sleep -Seconds N} / {@code -s N} / {@code -Milliseconds N} / {@code -m N} / {@code Start-Sleep N}, and
 * {@code sleep N} (bash, with GNU's {@code s}/{@code m}/{@code h}/{@code d} suffixes; in PowerShell {@code sleep} is
 * an alias of {@code Start-Sleep}, whose positional argument is seconds as well). Comments and anything else in the
 * script cost nothing; a script without a sleep says nothing about its duration. A year at most.
 */
final class ScriptDuration {

    private static final String NUMBER = "(\\d+(?:\\.\\d+)?)";
    /** Longer than any test waits; keeps absurd sleeps ({@code sleep 99999999999d}) from overflowing. */
    private static final Duration LONGEST = Duration.ofDays(365);
    private static final Pattern START_SLEEP = Pattern.compile(
            "(?i)(?<![\\w-])Start-Sleep\\s+(?:-([a-z]+)\\s*:?\\s*)?" + NUMBER + "(?![\\w.])");
    private static final Pattern SLEEP = Pattern.compile("(?i)(?<![\\w-])sleep\\s+" + NUMBER + "([smhd]?)(?![\\w.])");

    private ScriptDuration() {
    }

    /** The total sleep of {@code script}, or empty when it has none. */
    static Optional<Duration> of(String script) {
        if (script == null || script.isBlank()) {
            return Optional.empty();
        }
        Duration total = Duration.ZERO;
        boolean found = false;
        for (String line : script.split("\\R")) {
            String code = withoutComment(line);
            Matcher powerShell = START_SLEEP.matcher(code);
            while (powerShell.find()) {
                found = true;
                String unit = powerShell.group(1) == null ? "s" : powerShell.group(1).toLowerCase(Locale.ROOT);
                // -Milliseconds, -ms or any prefix of it; -Seconds, -s or any prefix of it
                total = plus(total, millis(powerShell.group(2), unit.startsWith("m") ? 1 : 1000));
            }
            Matcher shell = SLEEP.matcher(code);
            while (shell.find()) {
                found = true;
                long unit = switch (shell.group(2).toLowerCase(Locale.ROOT)) {
                    case "m" -> 60_000;
                    case "h" -> 3_600_000;
                    case "d" -> 86_400_000;
                    default -> 1000;
                };
                total = plus(total, millis(shell.group(1), unit));
            }
        }
        return found ? Optional.of(total) : Optional.empty();
    }

    private static Duration plus(Duration total, Duration sleep) {
        Duration sum = total.plus(sleep);
        return sum.compareTo(LONGEST) > 0 ? LONGEST : sum;
    }

    /** {@code duration} scaled by {@code factor} (a time factor of 0.01 makes a minute 600 ms). */
    static Duration scaled(Duration duration, double factor) {
        return Duration.ofNanos(Math.round(duration.toNanos() * factor));
    }

    private static Duration millis(String amount, long unitMillis) {
        BigDecimal millis = new BigDecimal(amount).multiply(BigDecimal.valueOf(unitMillis));
        return Duration.ofMillis(millis.min(BigDecimal.valueOf(LONGEST.toMillis())).longValue());
    }

    private static String withoutComment(String line) {
        int hash = line.indexOf('#');
        // '#{Variable}' is an Octopus variable reference, not a comment
        while (hash >= 0 && hash + 1 < line.length() && line.charAt(hash + 1) == '{') {
            hash = line.indexOf('#', hash + 1);
        }
        return hash < 0 ? line : line.substring(0, hash);
    }
}
