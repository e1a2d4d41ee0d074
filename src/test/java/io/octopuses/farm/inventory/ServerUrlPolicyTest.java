package io.octopuses.farm.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.octopuses.problem.DomainException;

class ServerUrlPolicyTest {

    @Test
    void withoutPatternsAnyWellFormedAddressIsAllowed() {
        assertThat(policy().check("http://10.0.0.5:8080/")).isEqualTo("http://10.0.0.5:8080");
    }

    @Test
    void withPatternsOnlyMatchingAddressesAreAllowed() {
        ServerUrlPolicy policy = policy("https://*.corp.example.com", "https://octopus.example.com/**");

        assertThat(policy.check("https://payments.corp.example.com")).isEqualTo("https://payments.corp.example.com");
        assertThat(policy.check("https://octopus.example.com/team/a/")).isEqualTo("https://octopus.example.com/team/a");
        for (String refused : List.of("http://payments.corp.example.com", "https://corp.example.com.evil.io",
                "https://payments.corp.example.com:8443", "https://a.corp.example.com/sub", "http://169.254.169.254",
                "https://octopus.example.com.evil.io/x")) {
            assertThatThrownBy(() -> policy.check(refused)).as(refused).isInstanceOf(DomainException.class)
                    .extracting(e -> ((DomainException) e).type()).isEqualTo("url-not-allowed");
        }
    }

    @Test
    void aStarStaysWithinOneHostLabelAndPathSegment() {
        assertThat(ServerUrlPolicy.compile("https://*.example.com").matcher("https://a.b/c.example.com").matches()).isFalse();
        assertThat(ServerUrlPolicy.compile("https://*.example.com:*").matcher("https://a.example.com:8443").matches()).isTrue();
    }

    private static ServerUrlPolicy policy(String... patterns) {
        return new ServerUrlPolicy(new FarmProperties("2022.3.5512", Duration.ofSeconds(10), List.of(patterns), 10, Duration.ofMinutes(1), List.of()));
    }
}
