package io.octopuses.octopus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.util.unit.DataSize;

/** {@code octopuses.octopus.*} binds onto the record, with defaults; the factory is a bean. */
class OctopusClientPropertiesTest {

    @Configuration
    @EnableConfigurationProperties(OctopusClientProperties.class)
    @Import(OctopusClients.class)
    static class Wiring {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of())
            .withUserConfiguration(Wiring.class);

    @Test
    void defaults() {
        context.run(ctx -> {
            OctopusClientProperties properties = ctx.getBean(OctopusClientProperties.class);
            assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(properties.readTimeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(properties.callTimeout()).isEqualTo(Duration.ofSeconds(60));
            assertThat(properties.transferTimeout()).isEqualTo(Duration.ofMinutes(30));
            assertThat(properties.maxResponseSize()).isEqualTo(DataSize.ofMegabytes(64));
            assertThat(properties.retry().maxAttempts()).isEqualTo(3);
            assertThat(properties.retry().initialBackoff()).isEqualTo(Duration.ofMillis(200));
            assertThat(properties.retry().maxBackoff()).isEqualTo(Duration.ofSeconds(2));
            assertThat(ctx).hasSingleBean(OctopusClients.class);
        });
    }

    @Test
    void overrides() {
        context.withPropertyValues("octopuses.octopus.read-timeout=10s", "octopuses.octopus.retry.max-attempts=5",
                        "octopuses.octopus.retry.initial-backoff=1s", "octopuses.octopus.call-timeout=15s",
                        "octopuses.octopus.max-response-size=8MB")
                .run(ctx -> {
                    OctopusClientProperties properties = ctx.getBean(OctopusClientProperties.class);
                    assertThat(properties.readTimeout()).isEqualTo(Duration.ofSeconds(10));
                    assertThat(properties.callTimeout()).isEqualTo(Duration.ofSeconds(15));
                    assertThat(properties.maxResponseSize()).isEqualTo(DataSize.ofMegabytes(8));
                    assertThat(properties.retry().maxAttempts()).isEqualTo(5);
                    assertThat(properties.retry().initialBackoff()).isEqualTo(Duration.ofSeconds(1));
                    assertThat(properties.retry().maxBackoff()).isEqualTo(Duration.ofSeconds(2));
                });
    }

    @Test
    void aSingleAttemptWithAShortBoundKeepsEverythingElse() {
        OctopusClientProperties configured = OctopusClientProperties.defaults().withTimeouts(Duration.ofSeconds(1),
                Duration.ofSeconds(2));

        OctopusClientProperties probe = configured.singleAttempt().withCallTimeout(Duration.ofSeconds(10));

        assertThat(probe.retry().maxAttempts()).isEqualTo(1);
        assertThat(probe.callTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(probe.retry().initialBackoff()).isEqualTo(configured.retry().initialBackoff());
        assertThat(probe.withCallTimeout(configured.callTimeout()).withRetry(configured.retry())).isEqualTo(configured);
    }

    @Test
    void boundsMustBePositive() {
        OctopusClientProperties defaults = OctopusClientProperties.defaults();

        assertThatThrownBy(() -> defaults.withCallTimeout(Duration.ZERO)).hasMessageContaining("call-timeout");
        assertThatThrownBy(() -> defaults.withMaxResponseSize(DataSize.ofBytes(0)))
                .hasMessageContaining("max-response-size");
        assertThatThrownBy(() -> defaults.withMaxResponseSize(DataSize.ofGigabytes(4)))
                .hasMessageContaining("max-response-size");
    }
}
