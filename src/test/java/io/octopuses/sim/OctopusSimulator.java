package io.octopuses.sim;

import java.net.URI;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A stateful, in-memory Octopus Deploy Server that answers over real HTTP with the real routes, JSON shapes, paging,
 * error bodies and task lifecycle. Start one per server a test needs:
 *
 * <pre>{@code
 * try (OctopusSimulator sim = OctopusSimulator.builder().seed(SimulatorSeed.DEV).start()) {
 *     URI api = sim.baseUrl().resolve("/api");
 * }
 * }</pre>
 */
public final class OctopusSimulator implements AutoCloseable {

    public static final String DEFAULT_VERSION = "2026.1.9674";
    private static final Pattern API_KEY = Pattern.compile("^API-[A-Z0-9]+$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String name;
    private final ServerState state;
    private final HttpEndpoint endpoint;
    private final SimulatorControls controls;
    private final boolean controlSurface;

    private OctopusSimulator(Builder builder) {
        this.name = builder.name;
        this.state = new ServerState(builder.name, builder.apiKey, builder.version, new BlobStore(builder.name));
        TaskRunner taskRunner = new TaskRunner(state);
        DeploymentExecutor executor = new DeploymentExecutor(state, taskRunner);
        Router router = Routes.create(state, taskRunner, executor);
        synchronized (state) {
            new Seeder(state, executor).seed(builder.seed);
        }
        this.endpoint = new HttpEndpoint(state, router);
        this.controls = new SimulatorControls(state, endpoint, taskRunner);
        endpoint.controls(controls);
        this.controlSurface = builder.controlSurface;
        if (controlSurface) {
            new ControlRoutes(controls).register(router);
            endpoint.controlSurface(true);
        }
        endpoint.bind(builder.port);
    }

    public static Builder builder() {
        return new Builder();
    }

    public String name() {
        return name;
    }

    /** {@code http://127.0.0.1:PORT}, no trailing slash; the API is at {@code baseUrl() + "/api"}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + endpoint.port());
    }

    public int port() {
        return endpoint.port();
    }

    public String apiKey() {
        return state.apiKey;
    }

    /** The version {@code GET /api} reports right now. */
    public String version() {
        synchronized (state) {
            return state.version();
        }
    }

    /**
     * The routes this simulator serves (for the conformance test, which must cover every one); with the control
     * surface on, its {@code /_simulator} routes too ({@link Router.Option#CONTROL}).
     */
    Router router() {
        return endpoint.router();
    }

    public SimulatorControls controls() {
        return controls;
    }

    /** Whether {@code /_simulator/...} answers ({@link Builder#controlSurface}). */
    public boolean hasControlSurface() {
        return controlSurface;
    }

    /** Every request answered so far, in order. */
    /**
     * The values a variable set holds, sensitive ones included, as {@code name{Scope=ids}} to value: what a real server
     * keeps encrypted and never answers. For tests that must prove a secret arrived (or stayed).
     */
    public java.util.Map<String, String> storedVariableValues(String spaceId, String variableSetId) {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        synchronized (state) {
            for (com.fasterxml.jackson.databind.node.ObjectNode v : Json.objects(state.variableSets.get(spaceId, variableSetId), "Variables")) {
                String scope = v.path("Scope").isEmpty() ? "" : v.path("Scope").toString();
                out.put(Json.text(v, "Name") + scope, Json.text(v, "Value"));
            }
        }
        return out;
    }

    /**
     * The file a built-in feed package is stored in ({@code packages-<PackageId>.<Version>}), for tests that make a
     * server misbehave by changing it behind the API's back; null when there is no such package.
     */
    public java.nio.file.Path storedPackageFile(String spaceId, String packageId) {
        synchronized (state) {
            return state.packageFiles.get(spaceId + "|" + packageId.toLowerCase());
        }
    }

    public List<RecordedRequest> requests() {
        return endpoint.requests();
    }

    public void clearRequests() {
        endpoint.clearRequests();
    }

    @Override
    public void close() {
        endpoint.stop();
        synchronized (state) {
            state.tasks.values().forEach(t -> {
                t.generation++;
                TaskRunner.stopTimers(t);
            });
        }
        state.blobs.close();
    }

    static String randomApiKey() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder key = new StringBuilder("API-");
        for (int i = 0; i < 28; i++) {
            key.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return key.toString();
    }

    /** How to start a simulator; every setting has a default. */
    public static final class Builder {

        private String name = "octopus";
        private int port;
        private String apiKey = randomApiKey();
        private String version = DEFAULT_VERSION;
        private SimulatorSeed seed = SimulatorSeed.EMPTY;
        private boolean controlSurface;

        private Builder() {
        }

        /** A label, used in node names and logs. */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The one API key the server accepts; must look like a real one ({@code ^API-[A-Z0-9]+$}). */
        public Builder apiKey(String apiKey) {
            if (apiKey == null || !API_KEY.matcher(apiKey).matches()) {
                throw new IllegalArgumentException("An Octopus API key looks like API-[A-Z0-9]+, not " + apiKey);
            }
            this.apiKey = apiKey;
            return this;
        }

        public Builder version(String version) {
            this.version = Objects.requireNonNull(version, "version");
            return this;
        }

        public Builder seed(SimulatorSeed seed) {
            this.seed = Objects.requireNonNull(seed, "seed");
            return this;
        }

        /**
         * Serves the HTTP control surface on {@code /_simulator/...} (off by default): the {@link SimulatorControls}
         * levers for curl and scripts, without an API key, on the loopback address the simulator listens on. See
         * docs/simulator.md.
         */
        public Builder controlSurface(boolean on) {
            this.controlSurface = on;
            return this;
        }

        public OctopusSimulator start() {
            return new OctopusSimulator(this);
        }
    }
}
