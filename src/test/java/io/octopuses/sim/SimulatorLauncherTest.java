package io.octopuses.sim;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the launcher's command line means (starting servers is what every other simulator test does). */
class SimulatorLauncherTest {

    @Test
    void optionsApplyToEveryServerWhereverTheyStand() {
        SimulatorLauncher.Options options = SimulatorLauncher.parse(new String[] {
                "--time-factor", "0.01", "--server", "lab:8094:API-LAB0000000000000000000001:2026.1.9674:EMPTY",
                "--control", "--step-duration", "1500", "--demo"});

        assertThat(options.demo()).isTrue();
        assertThat(options.servers()).containsExactly("lab:8094:API-LAB0000000000000000000001:2026.1.9674:EMPTY");
        assertThat(options.control()).isTrue();
        assertThat(options.stepDuration()).isEqualTo(Duration.ofMillis(1500));
        assertThat(options.timeFactor()).isEqualTo(0.01);
    }

    @Test
    void withoutOptionsTheServersKeepTheirDefaults() {
        SimulatorLauncher.Options options = SimulatorLauncher.parse(new String[] {"--demo"});

        assertThat(options.servers()).isEmpty();
        assertThat(options.control()).isFalse();
        assertThat(options.stepDuration()).isNull();
        assertThat(options.timeFactor()).isNull();
    }

    @Test
    void nonsenseIsRefusedWithTheUsage() {
        for (List<String> args : List.<List<String>>of(List.of(), List.of("--demo", "--time-factor"), List.of("--demo", "--time-factor", "fast"),
                List.of("--demo", "--step-duration", "-5"), List.of("--demo", "--verbose"))) {
            assertThatThrownBy(() -> SimulatorLauncher.parse(args.toArray(String[]::new)))
                    .as("%s", args)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Usage: SimulatorLauncher");
        }
    }
}
