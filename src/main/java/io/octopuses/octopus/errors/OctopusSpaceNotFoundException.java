package io.octopuses.octopus.errors;

import java.net.URI;
import java.util.List;

/**
 * {@code OctopusClient.space(...)} was given a space the server does not have, by id or by name, as far as the API
 * key may see. Thrown before any call is made in the space. A {@link OctopusNotFoundException} with
 * {@link #status()} 404, what the space's own routes would answer; {@link #request()} is the read of the server's
 * spaces that did not list it.
 */
public class OctopusSpaceNotFoundException extends OctopusNotFoundException {

    /** How many of the spaces the server does have are named in the message. */
    static final int NAMED = 10;

    private final URI server;
    private final String space;
    private final String message;

    /**
     * @param server      the server's base URL
     * @param space       the id or name that was asked for
     * @param knownSpaces the names of the spaces the server listed, to name a few in the message
     * @param request     method and URL of the read of the server's spaces
     */
    public OctopusSpaceNotFoundException(URI server, String space, List<String> knownSpaces, String request) {
        this(server, space, describe(server, space, knownSpaces), request);
    }

    private OctopusSpaceNotFoundException(URI server, String space, String text, String request) {
        super(404, text, List.of(), request);
        this.server = server;
        this.space = space;
        this.message = Redaction.redact(text);
    }

    /** The server's base URL. */
    public URI server() {
        return server;
    }

    /** The space id or name that was asked for. */
    public String space() {
        return space;
    }

    /** Which server lacks which space, and the spaces it has; no status line (the list of spaces answered 200). */
    @Override
    public String getMessage() {
        return message;
    }

    private static String describe(URI server, String space, List<String> knownSpaces) {
        StringBuilder text = new StringBuilder("The Octopus server ").append(server).append(" has no space '")
                .append(space).append("' (looked up by id and by name");
        if (knownSpaces.isEmpty()) {
            text.append("; the API key sees no space at all");
        } else {
            text.append("; it has ").append(String.join(", ", knownSpaces.stream().limit(NAMED).toList()));
            if (knownSpaces.size() > NAMED) {
                text.append(" and ").append(knownSpaces.size() - NAMED).append(" more");
            }
        }
        return text.append(')').toString();
    }
}
