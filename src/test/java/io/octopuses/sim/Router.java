package io.octopuses.sim;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Maps {@code METHOD /api/...} templates to handlers. Literal segments match case-insensitively, as on the real
 * server; {@code {spaceId}} matches only space ids, so {@code /api/Spaces-1} never shadows {@code /api/spaces}.
 * When several templates match, the one with the most literal segments wins ({@code /projects/all} over
 * {@code /projects/{id}}).
 */
final class Router {

    @FunctionalInterface
    interface Handler {
        ApiResponse handle(ApiRequest request);
    }

    record Match(Route route, Map<String, String> params) {
    }

    /**
     * How the endpoint treats a route: without an API key, outside the state lock (it streams), legacy space route,
     * or not Octopus's at all: the simulator's own {@code /_simulator} control surface ({@link ControlRoutes}).
     */
    enum Option { ANONYMOUS, STREAMING, DEFAULT_SPACE, CONTROL }

    record Route(String method, String template, String[] segments, int literals, Set<Option> options, Handler handler) {
        boolean has(Option option) {
            return options.contains(option);
        }
    }

    static final String SPACE_PREFIX = "/api/{spaceId}";
    private static final Pattern SPACE_ID = Pattern.compile("(?i)Spaces-\\d+");

    private final List<Route> routes = new ArrayList<>();

    Router add(String method, String template, Handler handler) {
        return add(method, template, EnumSet.noneOf(Option.class), handler);
    }

    Router anonymous(String method, String template, Handler handler) {
        return add(method, template, EnumSet.of(Option.ANONYMOUS), handler);
    }

    /** A route of the simulator's control surface, which a real server does not have. */
    Router control(String method, String template, Handler handler) {
        return add(method, template, EnumSet.of(Option.CONTROL), handler);
    }

    /** A space-scoped route: served under {@code /api/{spaceId}/...} and under the legacy default-space {@code /api/...}. */
    Router spaced(String method, String suffix, Handler handler) {
        return spaced(method, suffix, EnumSet.noneOf(Option.class), handler);
    }

    /** A space-scoped route that has no legacy default-space form on a real server. */
    Router spacedOnly(String method, String suffix, Handler handler) {
        return add(method, SPACE_PREFIX + suffix, EnumSet.noneOf(Option.class), handler);
    }

    /** A space-scoped route that reads or writes a large body itself, outside the state lock. */
    Router spacedStreaming(String method, String suffix, Handler handler) {
        return spaced(method, suffix, EnumSet.of(Option.STREAMING), handler);
    }

    private Router spaced(String method, String suffix, Set<Option> options, Handler handler) {
        add(method, SPACE_PREFIX + suffix, options, handler);
        EnumSet<Option> legacy = EnumSet.of(Option.DEFAULT_SPACE);
        legacy.addAll(options);
        add(method, "/api" + suffix, legacy, handler);
        return this;
    }

    private Router add(String method, String template, Set<Option> options, Handler handler) {
        String[] segments = split(template);
        int literals = 0;
        for (String s : segments) {
            if (!s.startsWith("{")) {
                literals++;
            }
        }
        routes.add(new Route(method, template, segments, literals, Set.copyOf(options), handler));
        return this;
    }

    /** The best route for the path and method; {@code null} path match means 404, a path-only match means 405. */
    Match match(String method, String path) {
        String[] segments = split(path);
        Match best = null;
        for (Route route : routes) {
            if (!route.method().equals(method)) {
                continue;
            }
            Map<String, String> params = bind(route, segments);
            if (params != null && (best == null || route.literals() > best.route().literals())) {
                best = new Match(route, params);
            }
        }
        return best;
    }

    boolean pathExists(String path) {
        String[] segments = split(path);
        return routes.stream().anyMatch(r -> bind(r, segments) != null);
    }

    List<Route> routes() {
        return List.copyOf(routes);
    }

    private static Map<String, String> bind(Route route, String[] segments) {
        if (route.segments().length != segments.length) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < segments.length; i++) {
            String expected = route.segments()[i];
            String actual = segments[i];
            if (expected.startsWith("{")) {
                String name = expected.substring(1, expected.length() - 1);
                if (name.equals("spaceId") && !SPACE_ID.matcher(actual).matches()) {
                    return null;
                }
                params.put(name, actual);
            } else if (!expected.equalsIgnoreCase(actual)) {
                return null;
            }
        }
        return params;
    }

    private static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/");
    }

    static String normalizeSpaceId(String id) {
        return id == null ? null : "Spaces-" + id.substring(id.indexOf('-') + 1);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
