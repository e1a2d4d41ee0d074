package io.octopuses.upgrade.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

class UpgradeExecutorsPropertiesTest {

    static UpgradeExecutorsProperties bind(String yaml) throws IOException {
        MutablePropertySources sources = new MutablePropertySources();
                for (PropertySource<?> source : new YamlPropertySourceLoader()
                .load("test.yaml", new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)))) {
            sources.addLast(source);
        }
        return new Binder(ConfigurationPropertySources.from(sources))
                .bindOrCreate("octopuses.upgrade", UpgradeExecutorsProperties.class);
    }

    @Test
    void nestedSettingsArriveFlattenedWithTheirCaseKept() throws IOException {
        UpgradeExecutorsProperties properties = bind("""
                octopuses:
                  upgrade:
                    executors:
                      - servers: [prod-eu]
                        type: shell
                        timeout: PT45M
                        settings:
                          command: ./upgrade.sh {version}
                          environment:
                            DB_PASSWORD: s3cret
                      - type: http
                        settings:
                          url: https://ci.example.com/hook
                          header:
                            Authorization: Bearer abc
                """);

        assertThat(properties.executors()).hasSize(2);
        UpgradeExecutorsProperties.Entry shell = properties.executors().get(0);
        assertThat(shell.servers()).containsExactly("prod-eu");
        assertThat(shell.timeout()).isEqualTo(Duration.ofMinutes(45));
        assertThat(shell.settings()).containsEntry("command", "./upgrade.sh {version}")
                .containsEntry("environment.DB_PASSWORD", "s3cret");
        UpgradeExecutorsProperties.Entry http = properties.executors().get(1);
        assertThat(http.isDefault()).isTrue();
        assertThat(http.timeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(http.settings()).containsEntry("header.Authorization", "Bearer abc");
    }
}
