package io.octopuses.octopus.transport;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

import io.octopuses.octopus.errors.OctopusSpaceNotFoundException;
import io.octopuses.octopus.resources.SpaceResource;

/**
 * Finds a space of one server by id or by name, the way Octopus's own TypeScript client resolves a space name: from
 * the server's list of spaces, read once and kept. The list is read again only when a space is not in it (created
 * since the last read); a space that is still missing then is an {@link OctopusSpaceNotFoundException}.
 */
final class SpaceDirectory {

    private final URI server;
    private final Supplier<List<SpaceResource>> readSpaces;
    private final String request;
    private volatile List<SpaceResource> known;

    /**
     * @param server     the server's base URL, for the exception
     * @param readSpaces reads every space the API key may see ({@code GET /api/spaces/all})
     */
    SpaceDirectory(URI server, Supplier<List<SpaceResource>> readSpaces) {
        this.server = server;
        this.readSpaces = readSpaces;
        this.request = "GET " + server + "/api/spaces/all";
    }

    SpaceResource find(String spaceIdOrName) {
        if (spaceIdOrName == null || spaceIdOrName.isBlank()) {
            throw new IllegalArgumentException("A space id (Spaces-1) or name (Default) is required");
        }
        String wanted = spaceIdOrName.strip();
        List<SpaceResource> spaces = known;
        SpaceResource space = spaces == null ? null : match(spaces, wanted);
        if (space == null) {
            spaces = read();
            space = match(spaces, wanted);
        }
        if (space == null) {
            throw new OctopusSpaceNotFoundException(server, wanted,
                    spaces.stream().map(SpaceResource::name).filter(Objects::nonNull).toList(), request);
        }
        return space;
    }

    private List<SpaceResource> read() {
        List<SpaceResource> spaces = List.copyOf(readSpaces.get().stream()
                .filter(s -> s != null && s.id() != null && !s.id().isBlank()).toList());
        known = spaces;
        return spaces;
    }

    /** By id first, then by exact name, then by name in any case when only one space has it. */
    private static SpaceResource match(List<SpaceResource> spaces, String wanted) {
        for (SpaceResource space : spaces) {
            if (space.id().equalsIgnoreCase(wanted)) {
                return space;
            }
        }
        for (SpaceResource space : spaces) {
            if (wanted.equals(space.name())) {
                return space;
            }
        }
        String lower = wanted.toLowerCase(Locale.ROOT);
        List<SpaceResource> byName = spaces.stream()
                .filter(s -> s.name() != null && s.name().toLowerCase(Locale.ROOT).equals(lower)).toList();
        return byName.size() == 1 ? byName.get(0) : null;
    }
}
