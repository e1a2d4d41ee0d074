package io.octopuses.octopus.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;

/** Link handling of the paging helper, without a server. */
class PagesTest {

    private static final URI ROOT = URI.create("https://octopus.example.com");
    private static final URI VIRTUAL_DIRECTORY = URI.create("https://host.example.com:8443/octopus");

    @Test
    void templatePartsAreStripped() {
        assertThat(Pages.stripTemplate("/api/Spaces-1/projects{/id}{?skip,take,ids,partialName}"))
                .isEqualTo("/api/Spaces-1/projects");
        assertThat(Pages.stripTemplate("/api/Spaces-1/environments?skip=30&take=30"))
                .isEqualTo("/api/Spaces-1/environments?skip=30&take=30");
        assertThat(Pages.stripTemplate("/api/tasks?skip=10&take=10{&states}")).isEqualTo("/api/tasks?skip=10&take=10");
    }

    @Test
    void linksResolveAgainstTheBaseUrl() {
        assertThat(Pages.resolve(ROOT, "/api/Spaces-1/environments?skip=30&take=30"))
                .isEqualTo(URI.create("https://octopus.example.com/api/Spaces-1/environments?skip=30&take=30"));
        assertThat(Pages.resolve(ROOT, "~/api/spaces{?skip,take}"))
                .isEqualTo(URI.create("https://octopus.example.com/api/spaces"));
    }

    @Test
    void virtualDirectoryIsKeptWhetherOrNotTheLinkHasIt() {
        assertThat(Pages.resolve(VIRTUAL_DIRECTORY, "/api/users?skip=30&take=30"))
                .isEqualTo(URI.create("https://host.example.com:8443/octopus/api/users?skip=30&take=30"));
        assertThat(Pages.resolve(VIRTUAL_DIRECTORY, "/octopus/api/users?skip=30&take=30"))
                .isEqualTo(URI.create("https://host.example.com:8443/octopus/api/users?skip=30&take=30"));
    }

    @Test
    void absoluteLinksToTheSameServerAreFollowed() {
        assertThat(Pages.resolve(ROOT, "https://OCTOPUS.example.com:443/api/teams?skip=2"))
                .isEqualTo(URI.create("https://OCTOPUS.example.com:443/api/teams?skip=2"));
    }

    @Test
    void linksToAnotherServerAreRefusedSoTheKeyStaysHome() {
        assertThatThrownBy(() -> Pages.resolve(ROOT, "https://evil.example.net/api/teams?skip=2"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("evil.example.net");
        assertThatThrownBy(() -> Pages.resolve(ROOT, "http://octopus.example.com/api/teams"))
                .isInstanceOf(IllegalStateException.class);
    }
}
