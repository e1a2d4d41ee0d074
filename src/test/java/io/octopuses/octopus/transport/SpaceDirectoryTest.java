package io.octopuses.octopus.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.octopuses.octopus.errors.OctopusSpaceNotFoundException;
import io.octopuses.octopus.resources.SpaceResource;

/** How a space id or name is found in the server's list, and when the list is read. */
class SpaceDirectoryTest {

    private static final URI SERVER = URI.create("https://octopus.example.com");

    private final List<SpaceResource> spaces = new ArrayList<>(List.of(space("Spaces-1", "Default"),
            space("Spaces-2", "Ops"), space("Spaces-3", "ops team"), space("Spaces-4", "OPS TEAM")));
    private final AtomicInteger reads = new AtomicInteger();
    private final SpaceDirectory directory = new SpaceDirectory(SERVER, () -> {
        reads.incrementAndGet();
        return List.copyOf(spaces);
    });

    @Test
    void idsComeFirstThenExactNamesThenNamesInAnyCase() {
        assertThat(directory.find("SPACES-2").id()).isEqualTo("Spaces-2");
        assertThat(directory.find("Default").id()).isEqualTo("Spaces-1");
        assertThat(directory.find("ops").id()).as("one space has this name in any case").isEqualTo("Spaces-2");
        assertThat(directory.find("OPS TEAM").id()).as("exact beats any case").isEqualTo("Spaces-4");
        assertThat(catchThrowableOfType(OctopusSpaceNotFoundException.class, () -> directory.find("Ops Team")))
                .as("two spaces have this name in another case: neither is guessed").isNotNull();
    }

    @Test
    void theListIsReadOnceAndAgainOnlyForASpaceNotInIt() {
        directory.find("Default");
        directory.find("Spaces-2");
        assertThat(reads).hasValue(1);

        spaces.add(space("Spaces-5", "Late"));
        assertThat(directory.find("Late").id()).isEqualTo("Spaces-5");
        assertThat(reads).hasValue(2);
        directory.find("Late");
        assertThat(reads).hasValue(2);
    }

    @Test
    void aMissingSpaceNamesTheServerTheSpaceAndAFewOfItsSpaces() {
        IntStream.rangeClosed(5, 20).forEach(i -> spaces.add(space("Spaces-" + i, "Team " + i)));

        OctopusSpaceNotFoundException e = catchThrowableOfType(OctopusSpaceNotFoundException.class,
                () -> directory.find("Nowhere"));

        assertThat(e.getMessage()).startsWith("The Octopus server https://octopus.example.com has no space 'Nowhere'")
                .contains("Default, Ops").contains("and 10 more").doesNotContain("Team 20");
        assertThat(e.request()).isEqualTo("GET https://octopus.example.com/api/spaces/all");
        assertThat(e.toString()).contains("Nowhere");
    }

    private static SpaceResource space(String id, String name) {
        return new SpaceResource(id, name, null, null, null, null, null, List.of(), List.of(), null, null);
    }
}
