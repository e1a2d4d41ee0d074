package io.octopuses.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Work per server side by side within one deadline: a slow or failing server has its own failure, not everyone's. */
class SideBySideTest {

    @Test
    void aSlowAndAFailingServerAffectOnlyThemselves() {
        long start = System.nanoTime();

        Map<String, SideBySide.Outcome<String>> outcomes = SideBySide.run("test", List.of("fast", "slow", "broken"), slug -> {
            switch (slug) {
                case "slow" -> sleep(Duration.ofSeconds(30));
                case "broken" -> throw new IllegalStateException("malformed answer");
                default -> { }
            }
            return slug + " read";
        }, Duration.ofMillis(500), 8);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(outcomes.get("fast")).isEqualTo(new SideBySide.Outcome<>("fast read", null));
        assertThat(outcomes.get("slow").failure()).startsWith("no answer within");
        assertThat(outcomes.get("broken").failure()).isEqualTo("unreachable: malformed answer");
        assertThat(outcomes.keySet()).containsExactly("fast", "slow", "broken");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
