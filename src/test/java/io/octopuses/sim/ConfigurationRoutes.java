package io.octopuses.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The authentication providers' configuration sections: {@code GET /api/configuration} lists them,
 * {@code GET /api/configuration/{id}} is one, and {@code GET|PUT /api/configuration/{id}/values} read and replace its
 * settings ({@link AuthenticationProvider}). Secrets (a client secret) are written with
 * {@code {"HasValue": true, "NewValue": "..."}} and read back as {@code {"HasValue": true}} only. An unknown section
 * id answers 404. Other sections a real server has (web portal, server folders, SMTP...) are not served.
 */
final class ConfigurationRoutes {

    private final ServerState state;

    ConfigurationRoutes(ServerState state) {
        this.state = state;
    }

    void register(Router router) {
        router.add("GET", "/api/configuration", this::sections);
        router.add("GET", "/api/configuration/{id}", r -> ApiResponse.ok(section(AuthenticationProvider.find(r.param("id")))));
        router.add("GET", "/api/configuration/{id}/values", this::values);
        router.add("PUT", "/api/configuration/{id}/values", this::setValues);
    }

    /** Seeds every provider's fresh settings: only username and password sign-in is enabled. */
    static void seed(ServerState state) {
        AuthenticationProvider.ALL.forEach(p -> state.configuration.put(p.id(), p.fresh()));
    }

    /**
     * Replaces a provider's settings as a PUT would, except that secrets may be plain strings: for a test setting a
     * server up ({@link SimulatorControls#authenticationProvider}).
     */
    static ObjectNode set(ServerState state, String providerId, JsonNode values) {
        AuthenticationProvider provider = AuthenticationProvider.find(providerId);
        ObjectNode stored = provider.apply(stored(state, provider), values, true);
        state.configuration.put(provider.id(), stored);
        return provider.render(stored);
    }

    private ApiResponse sections(ApiRequest request) {
        List<ObjectNode> items = AuthenticationProvider.ALL.stream().map(ConfigurationRoutes::section).toList();
        return ApiResponse.ok(PagedCollection.of(request, "ConfigurationSection", items, "skip,take"));
    }

    private ApiResponse values(ApiRequest request) {
        AuthenticationProvider provider = AuthenticationProvider.find(request.param("id"));
        return ApiResponse.ok(provider.render(stored(state, provider)));
    }

    private ApiResponse setValues(ApiRequest request) {
        AuthenticationProvider provider = AuthenticationProvider.find(request.param("id"));
        ObjectNode stored = provider.apply(stored(state, provider), request.json(), false);
        state.configuration.put(provider.id(), stored);
        return ApiResponse.ok(provider.render(stored));
    }

    private static ObjectNode stored(ServerState state, AuthenticationProvider provider) {
        return state.configuration.computeIfAbsent(provider.id(), id -> provider.fresh());
    }

    private static ObjectNode section(AuthenticationProvider provider) {
        String self = "/api/configuration/" + provider.id();
        return Json.object(
                "Id", provider.id(),
                "Name", provider.name(),
                "Description", provider.description(),
                "Links", Json.object("Self", self, "Values", self + "/values"));
    }
}
