package io.octopuses.promotion;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import io.octopuses.farm.FarmClients;
import io.octopuses.farm.Reachability;
import io.octopuses.farm.inventory.FarmService;
import io.octopuses.farm.inventory.ServerRequest;
import io.octopuses.promotion.source.ReleasePromotionProcess;
import io.octopuses.promotion.target.PromotionImportProcess;
import io.octopuses.security.SecurityGroups;
import io.octopuses.sim.SimulatorExtension;
import io.octopuses.sim.SimulatorSeed;

/**
 * What a connected promotion test sets up: a development server (the source) and a production server (the target),
 * both simulated and registered as CONNECTED, the people of {@link PromotionHarness}, and the clean-up after the
 * class. Subclasses are {@code @OctopusesTest}s that declare the two simulators.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConnectedPromotionScenario {

    @Autowired
    ProcessEngine engine;
    @Autowired
    FarmService farm;
    @Autowired
    FarmClients clients;
    @Autowired
    SecurityGroups groups;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    PromotionHarness harness;

    private final String dev;
    private final String devKey;
    private final SimulatorExtension devServer;
    private final String prod;
    private final String prodKey;
    private final SimulatorExtension prodServer;

    ConnectedPromotionScenario(String dev, String devKey, SimulatorExtension devServer,
                               String prod, String prodKey, SimulatorExtension prodServer) {
        this.dev = dev;
        this.devKey = devKey;
        this.devServer = devServer;
        this.prod = prod;
        this.prodKey = prodKey;
        this.prodServer = prodServer;
    }

    /** A simulated Octopus server whose deployments take milliseconds. */
    static SimulatorExtension simulator(String name, String apiKey, SimulatorSeed seed) {
        return SimulatorExtension.builder().name(name).apiKey(apiKey).seed(seed)
                .controls(c -> c.stepDuration(Duration.ofMillis(20)).timeFactor(0.01)).build();
    }

    @BeforeAll
    void registerServersAndPeople() {
        farm.register(new ServerRequest(dev, "Development", devServer.baseUrl().toString(), devKey, "dev",
                Reachability.CONNECTED, 0, null, null, Map.of()));
        farm.register(new ServerRequest(prod, "Production", prodServer.baseUrl().toString(), prodKey, "pci-prod",
                Reachability.CONNECTED, 0, null, null, Map.of()));
        harness = new PromotionHarness(engine, http, json);
        harness.createPeople(groups);
    }

    @AfterEach
    void resetClock() {
        PromotionHarness.resetClock();
    }

    /** Ends the promotion processes the tests left running and removes the servers. */
    @AfterAll
    void removeServers() {
        for (String key : List.of(ReleasePromotionProcess.PROCESS_KEY, PromotionImportProcess.PROCESS_KEY, "runOctopusTask")) {
            engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(key).list()
                    .forEach(instance -> engine.getRuntimeService().deleteProcessInstance(instance.getId(), "test cleanup"));
        }
        farm.remove(dev);
        farm.remove(prod);
    }
}
