package io.octopuses.sim;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The time a script says it takes: its PowerShell and bash sleeps, summed. */
class ScriptDurationTest {

    @ParameterizedTest(name = "{0} -> {1} ms")
    @CsvSource(delimiter = '|', value = {
            "Start-Sleep -Seconds 60                     | 60000",
            "Start-Sleep 5                               | 5000",
            "start-sleep -s 2                            | 2000",
            "Start-Sleep -Seconds:3                      | 3000",
            "Start-Sleep -Milliseconds 250               | 250",
            "Start-Sleep -ms 40                          | 40",
            "Start-Sleep -Seconds 1.5                    | 1500",
            "sleep 10                                    | 10000",
            "sleep 0.5                                   | 500",
            "sleep 2m                                    | 120000",
            "sleep 1h                                    | 3600000",
            "Sleep 4                                     | 4000",
            "echo start; sleep 3; echo done              | 3000",
            "if ($x) { Start-Sleep -Seconds 2 }          | 2000",
    })
    void oneSleep(String script, long millis) {
        assertThat(ScriptDuration.of(script)).contains(Duration.ofMillis(millis));
    }

    @Test
    void sleepsAreSummedOverTheWholeScript() {
        String script = """
                Write-Host 'Warming up #{Payments.Url}'
                Start-Sleep -Seconds 30
                Invoke-WebRequest https://example.com/health
                Start-Sleep -Milliseconds 500
                sleep 29
                """;

        assertThat(ScriptDuration.of(script)).contains(Duration.ofMillis(59_500));
    }

    @Test
    void aScriptWithoutASleepSaysNothing() {
        assertThat(ScriptDuration.of("Write-Host 'hello'")).isEmpty();
        assertThat(ScriptDuration.of("echo asleep 5; ./sleeper 5; Start-Sleeper 5")).isEmpty();
        assertThat(ScriptDuration.of("# Start-Sleep -Seconds 60 was too slow")).isEmpty();
        assertThat(ScriptDuration.of("")).isEmpty();
        assertThat(ScriptDuration.of(null)).isEmpty();
    }

    @Test
    void absurdSleepsAreCappedAtAYear() {
        assertThat(ScriptDuration.of("sleep 99999999999999999999d\nsleep 400d")).contains(Duration.ofDays(365));
    }

    @Test
    void scaledByTheTimeFactor() {
        assertThat(ScriptDuration.scaled(Duration.ofSeconds(60), 0.01)).isEqualTo(Duration.ofMillis(600));
        assertThat(ScriptDuration.scaled(Duration.ofSeconds(60), 1)).isEqualTo(Duration.ofSeconds(60));
        assertThat(ScriptDuration.scaled(Duration.ofSeconds(60), 0)).isEqualTo(Duration.ZERO);
    }
}
