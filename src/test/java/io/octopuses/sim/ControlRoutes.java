package io.octopuses.sim;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The simulator's HTTP control surface: the {@link SimulatorControls} levers on {@code /_simulator/...}, a path no
 * Octopus Server has, so a person or a script can pull them with curl. JSON in, JSON out: every call answers the
 * state ({@code GET /_simulator/state}); a bad value answers 400 {@code {"error": "..."}}. It needs no API key and is
 * there only when the simulator was started with it ({@link OctopusSimulator.Builder#controlSurface}), on the
 * loopback address the simulator listens on. While the API is offline it still answers: it is how the API comes back.
 */
final class ControlRoutes {

    static final String PREFIX = "/_simulator";

    private final SimulatorControls controls;
    private final List<String> listed = new ArrayList<>();

    ControlRoutes(SimulatorControls controls) {
        this.controls = controls;
    }

    static boolean isControlPath(String path) {
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    void register(Router router) {
        get(router, "", r -> state());
        get(router, "/state", r -> state());
        post(router, "/offline", r -> controls.offline());
        post(router, "/online", r -> controls.online());
        post(router, "/version", r -> controls.version(text(r, "version")));
        post(router, "/upgrade", this::upgrade);
        post(router, "/upgrade-outcome", r -> controls.failUpgrade(flag(r, "fail")));
        post(router, "/licence", r -> controls.licensedUpTo(text(r, "coversUpTo")));
        post(router, "/nodes", r -> controls.nodes(texts(r, "versions")));
        post(router, "/latency", r -> controls.latency(millis(r, "ms")));
        post(router, "/failures", this::fail);
        delete(router, "/failures", r -> controls.clearFailures());
        post(router, "/rate-limit", r -> controls.rateLimitNext(count(r, "next")));
        post(router, "/hang", r -> controls.hangNext(count(r, "next"), millis(r, "ms")));
        post(router, "/lose-answers", r -> controls.loseAnswersToWrites(count(r, "next")));
        post(router, "/tasks", r -> controls.queueTasks(count(r, "queued"), count(r, "executing")));
        post(router, "/tasks/finish", r -> controls.finishTasks());
        delete(router, "/tasks", r -> controls.clearTasks());
        post(router, "/step-duration", r -> controls.stepDuration(millis(r, "ms")));
        post(router, "/time-factor", r -> controls.timeFactor(number(r, "factor")));
        post(router, "/maintenance", r -> controls.maintenanceMode(flag(r, "on")));
        post(router, "/health", r -> controls.healthy(flag(r, "healthy")));
        post(router, "/deployment-outcome", r -> controls.deploymentOutcome(outcome(r)));
        post(router, "/authentication/{id}", this::authenticationProvider);
    }

    /** The body is the provider's whole section, a secret as a plain string: {@code {"IsEnabled": true, "ClientSecret": "s"}}. */
    private void authenticationProvider(ApiRequest request) {
        JsonNode values = request.json();
        if (!values.isObject()) {
            throw new IllegalArgumentException("Send the provider's settings as a JSON object, e.g. {\"IsEnabled\": true}");
        }
        try {
            controls.authenticationProvider(request.param("id"), Json.MAPPER.convertValue(values,
                    new TypeReference<Map<String, Object>>() { }));
        } catch (OctopusException e) {
            throw new IllegalArgumentException(e.errors().isEmpty() ? e.getMessage() : String.join(" ", e.errors()));
        }
    }

    /** {@code {"status": 503, "next": 2}} fails the next two requests; {@code {"status": 500, "always": true}} all of them. */
    private void fail(ApiRequest request) {
        int status = count(request, "status");
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be an HTTP error status (400-599), not " + status);
        }
        JsonNode always = Json.field(request.json(), "always");
        if (always != null && always.asBoolean()) {
            controls.failAlways(status);
        } else {
            controls.failNext(status, count(request, "next"));
        }
    }

    /**
     * {@code {"version": "2026.1.9674", "pauseMs": 5000}}, optionally {@code "nodeIntervalMs": 250} (between the nodes of
     * a cluster) and {@code "fail": true} (this and later upgrades come back on the old version, as {@code failUpgrade}).
     */
    private void upgrade(ApiRequest request) {
        String version = text(request, "version");
        Duration pause = millis(request, "pauseMs");
        Duration interval = Json.field(request.json(), "nodeIntervalMs") == null ? SimulatorControls.DEFAULT_NODE_INTERVAL
                : millis(request, "nodeIntervalMs");
        if (Json.field(request.json(), "fail") != null) {
            controls.failUpgrade(flag(request, "fail"));
        }
        controls.upgradeTo(version, pause, interval);
    }

    // ---------------------------------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Lever {
        void pull(ApiRequest request);
    }

    private void get(Router router, String path, Router.Handler handler) {
        listed.add("GET " + PREFIX + path);
        router.control("GET", PREFIX + path, handler);
    }

    private void post(Router router, String path, Lever lever) {
        change(router, "POST", path, lever);
    }

    private void delete(Router router, String path, Lever lever) {
        change(router, "DELETE", path, lever);
    }

    private void change(Router router, String method, String path, Lever lever) {
        listed.add(method + " " + PREFIX + path);
        router.control(method, PREFIX + path, r -> {
            lever.pull(r);
            return state();
        });
    }

    private ApiResponse state() {
        ObjectNode state = controls.describe();
        state.set("routes", Json.array(listed));
        return ApiResponse.ok(state);
    }

    static ApiResponse badRequest(String message) {
        return ApiResponse.json(400, Json.object("error", message));
    }

    static ApiResponse notFound(ApiRequest request) {
        return ApiResponse.json(404, Json.object("error", "The simulator has no control " + request.path()
                + ". GET " + PREFIX + "/state lists them."));
    }

    static ApiResponse methodNotAllowed(ApiRequest request) {
        return ApiResponse.json(405, Json.object("error", request.method() + " is not allowed on " + request.path()
                + ". GET " + PREFIX + "/state lists the controls with their methods."));
    }

    private static JsonNode required(ApiRequest request, String field, String example) {
        JsonNode value = Json.field(request.json(), field);
        if (value == null) {
            throw new IllegalArgumentException("Send a JSON body with \"" + field + "\", e.g. " + example);
        }
        return value;
    }

    private static String text(ApiRequest request, String field) {
        JsonNode value = required(request, field, "{\"" + field + "\": \"2026.1.9674\"}");
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("\"" + field + "\" must be a non-empty string");
        }
        return value.asText().trim();
    }

    private static String[] texts(ApiRequest request, String field) {
        JsonNode value = required(request, field, "{\"" + field + "\": [\"2025.4.9600\", \"2026.1.9674\"]}");
        List<String> out = Json.textsOf(value);
        if (!value.isArray() || out.isEmpty() || out.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("\"" + field + "\" must be a non-empty array of strings");
        }
        return out.toArray(String[]::new);
    }

    private static int count(ApiRequest request, String field) {
        JsonNode value = required(request, field, "{\"" + field + "\": 2}");
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 0) {
            throw new IllegalArgumentException("\"" + field + "\" must be a whole number of 0 or more, not " + value);
        }
        return value.asInt();
    }

    private static Duration millis(ApiRequest request, String field) {
        JsonNode value = required(request, field, "{\"" + field + "\": 1500}");
        if (!value.isNumber() || value.asDouble() < 0) {
            throw new IllegalArgumentException("\"" + field + "\" must be a number of milliseconds, 0 or more, not " + value);
        }
        return Duration.ofNanos(Math.round(value.asDouble() * 1_000_000));
    }

    private static double number(ApiRequest request, String field) {
        JsonNode value = required(request, field, "{\"" + field + "\": 0.01}");
        if (!value.isNumber()) {
            throw new IllegalArgumentException("\"" + field + "\" must be a number, not " + value);
        }
        return value.asDouble();
    }

    private static boolean flag(ApiRequest request, String field) {
        JsonNode value = required(request, field, "{\"" + field + "\": true}");
        if (!value.isBoolean()) {
            throw new IllegalArgumentException("\"" + field + "\" must be true or false, not " + value);
        }
        return value.asBoolean();
    }

    private static DeploymentOutcome outcome(ApiRequest request) {
        String outcome = text(request, "outcome").toUpperCase(Locale.ROOT);
        try {
            return DeploymentOutcome.valueOf(outcome);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"outcome\" must be SUCCEED or FAIL, not " + outcome);
        }
    }
}
