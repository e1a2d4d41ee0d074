package io.octopuses.farm.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.octopuses.problem.DomainException;

class ServerUrlTest {

    @Test
    void normalisesWhatPeoplePaste() {
        assertThat(ServerUrl.normalise("https://octopus.example.com/")).isEqualTo("https://octopus.example.com");
        assertThat(ServerUrl.normalise("HTTPS://octopus.example.com/api/")).isEqualTo("https://octopus.example.com");
        assertThat(ServerUrl.normalise(" http://10.0.0.5:8080/octopus/api ")).isEqualTo("http://10.0.0.5:8080/octopus");
    }

    @Test
    void refusesWhatCannotBeAServerAddress() {
        for (String bad : new String[] {"octopus.example.com", "ftp://octopus", "http://", "https://u:p@octopus",
                "https://octopus?x=1", "http://exa mple.com"}) {
            assertThatThrownBy(() -> ServerUrl.normalise(bad)).as(bad)
                    .isInstanceOfSatisfying(DomainException.class, problem -> {
                        assertThat(problem.type()).isEqualTo("malformed-url");
                        assertThat(problem.fix()).contains("https://");
                    });
        }
    }

    @Test
    void refusesAPortOutsideTcpsRange() {
        for (String bad : new String[] {"http://octopus.example.com:99999", "https://10.0.0.5:0", "http://octopus:65536/api"}) {
            assertThatThrownBy(() -> ServerUrl.normalise(bad)).as(bad)
                    .isInstanceOfSatisfying(DomainException.class, problem -> {
                        assertThat(problem.type()).isEqualTo("malformed-url");
                        assertThat(problem.getMessage()).contains("port must be between 1 and 65535");
                    });
        }
        assertThat(ServerUrl.normalise("http://octopus:65535")).isEqualTo("http://octopus:65535");
        assertThat(ServerUrl.normalise("https://octopus:1/")).isEqualTo("https://octopus:1");
    }
}
