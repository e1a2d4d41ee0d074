package io.octopuses.sim;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A simulated Octopus server for a test class, instead of starting and closing one in {@code @BeforeAll}/{@code
 * @AfterAll} methods. Register one field per server the class needs; whether the field is static decides how long the
 * simulator lives:
 *
 * <pre>{@code
 * class OutageTest {
 *
 *     // static: one simulator for the class, started before the @BeforeAll methods and closed after the @AfterAll
 *     // ones; before each test its levers are reset and its recorded requests forgotten (what was created stays)
 *     @RegisterExtension
 *     static final SimulatorExtension dev = SimulatorExtension.builder()
 *             .name("dev").apiKey(DEV_KEY).version("2026.1.9674").seed(SimulatorSeed.DEV)
 *             .controls(c -> c.stepDuration(Duration.ofMillis(20)))   // pulled at start and after every reset
 *             .build();
 *     @RegisterExtension
 *     static final SimulatorExtension prod = SimulatorExtension.builder().name("prod").version("2025.4.9600").build();
 *
 *     @Test
 *     void anOfflineServerIsAnOutage() {
 *         farm.register("prod", prod.baseUrl(), prod.apiKey());
 *         prod.controls().offline();                   // online again before the next test
 *         ...
 *     }
 * }
 *
 * class DeploymentsTest {
 *
 *     // an instance field: a fresh simulator for every test, started before its @BeforeEach methods and closed
 *     // after its @AfterEach ones
 *     @RegisterExtension
 *     final SimulatorExtension sim = SimulatorExtension.builder().seed(SimulatorSeed.DEV).build();
 * }
 * }</pre>
 *
 * <p>Before each test of a class that shares a simulator, {@link SimulatorControls#reset()} puts every lever back
 * (online, version, nodes, failures, latency, maintenance, health, deployment outcome, step duration, time factor,
 * synthetic tasks; deployments still running are cancelled), {@link Builder#controls} are pulled again and the
 * recorded requests are forgotten, so that no test meets what an earlier one, or a {@code @BeforeAll} method, pulled
 * or sent. What went through the API (projects, releases, spaces, finished tasks) stays: a test that needs the seed
 * untouched takes a fresh simulator (an instance field) or names its own things. {@link
 * Builder#resetBetweenTests(boolean) resetBetweenTests(false)} keeps the levers, the requests and running deployments
 * as the previous test or the {@code @BeforeAll} methods left them.
 *
 * <p>The accessors ({@link #baseUrl()}, {@link #apiKey()}, {@link #controls()}, {@link #requests()}, ...) are the
 * running simulator's; {@link #simulator()} hands it on, e.g. to a client factory. Outside the tests of the class
 * they throw. Tests of one class must not run concurrently with a shared simulator.
 */
public final class SimulatorExtension
        implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

    private final OctopusSimulator.Builder settings;
    private final Consumer<SimulatorControls> controls;
    private final boolean resetBetweenTests;
    private OctopusSimulator simulator;
    /** How many classes share the running simulator: the registering one and any of its {@code @Nested} classes. */
    private int classes;

    private SimulatorExtension(Builder builder) {
        this.settings = builder.settings;
        this.controls = builder.controls;
        this.resetBetweenTests = builder.resetBetweenTests;
    }

    public static Builder builder() {
        return new Builder();
    }

    // --- JUnit ------------------------------------------------------------------------------------------------------

    /** Called only for a static field (and again for each {@code @Nested} class): the simulator serves the class. */
    @Override
    public void beforeAll(ExtensionContext context) {
        if (classes++ == 0) {
            start();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (classes == 0) {
            start();
        } else if (resetBetweenTests) {
            simulator.controls().reset();
            controls.accept(simulator.controls());
            simulator.clearRequests();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (classes == 0) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (--classes == 0) {
            stop();
        }
    }

    private void start() {
        simulator = settings.start();
        try {
            controls.accept(simulator.controls());
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    private void stop() {
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
    }

    // --- the running simulator --------------------------------------------------------------------------------------

    /** The running simulator, e.g. for a client factory that takes one. */
    public OctopusSimulator simulator() {
        if (simulator == null) {
            throw new IllegalStateException("The simulator runs only during the tests of the class that registers this "
                    + "extension (a static field: from before @BeforeAll to after @AfterAll; an instance field: from "
                    + "before @BeforeEach to after @AfterEach)");
        }
        return simulator;
    }

    public String name() {
        return simulator().name();
    }

    /** {@code http://127.0.0.1:PORT}, no trailing slash. */
    public URI baseUrl() {
        return simulator().baseUrl();
    }

    public int port() {
        return simulator().port();
    }

    public String apiKey() {
        return simulator().apiKey();
    }

    /** The version {@code GET /api} reports right now. */
    public String version() {
        return simulator().version();
    }

    public SimulatorControls controls() {
        return simulator().controls();
    }

    public boolean hasControlSurface() {
        return simulator().hasControlSurface();
    }

    /** Every request answered since this test began (or, with resets off, since the simulator started). */
    public List<RecordedRequest> requests() {
        return simulator().requests();
    }

    public void clearRequests() {
        simulator().clearRequests();
    }

    @Override
    public String toString() {
        return simulator == null ? "SimulatorExtension (not running)" : "SimulatorExtension " + name() + " at " + baseUrl();
    }

    /** The simulator's settings (those of {@link OctopusSimulator.Builder}, with its defaults) and its levers. */
    public static final class Builder {

        private final OctopusSimulator.Builder settings = OctopusSimulator.builder();
        private Consumer<SimulatorControls> controls = c -> { };
        private boolean resetBetweenTests = true;

        private Builder() {
        }

        /** A label, used in node names and logs. */
        public Builder name(String name) {
            settings.name(name);
            return this;
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            settings.port(port);
            return this;
        }

        /** The one API key the server accepts ({@code ^API-[A-Z0-9]+$}); a random one by default. */
        public Builder apiKey(String apiKey) {
            settings.apiKey(apiKey);
            return this;
        }

        public Builder version(String version) {
            settings.version(version);
            return this;
        }

        public Builder seed(SimulatorSeed seed) {
            settings.seed(seed);
            return this;
        }

        /** Serves the HTTP control surface on {@code /_simulator/...} ({@link OctopusSimulator.Builder#controlSurface}). */
        public Builder controlSurface(boolean on) {
            settings.controlSurface(on);
            return this;
        }

        /**
         * Levers to pull as soon as the simulator has started, and again after every reset: what every test of the
         * class expects, e.g. {@code c -> c.stepDuration(Duration.ofMillis(20))} for quick deployments.
         */
        public Builder controls(Consumer<SimulatorControls> controls) {
            this.controls = this.controls.andThen(Objects.requireNonNull(controls, "controls"));
            return this;
        }

        /**
         * Whether a simulator the class shares is reset before each test (its levers, then {@link #controls}, and its
         * recorded requests); on by default. A fresh simulator per test (an instance field) needs no reset.
         */
        public Builder resetBetweenTests(boolean reset) {
            this.resetBetweenTests = reset;
            return this;
        }

        public SimulatorExtension build() {
            return new SimulatorExtension(this);
        }
    }
}
