package io.octopuses.promotion;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;

import io.octopuses.farm.FarmClients;
import io.octopuses.farm.Reachability;
import io.octopuses.farm.inventory.FarmService;
import io.octopuses.farm.inventory.ServerRequest;
import io.octopuses.octopus.SpaceClient;
import io.octopuses.octopus.resources.LifecycleResource;
import io.octopuses.octopus.resources.PhaseResource;
import io.octopuses.promotion.source.ReleasePromotionProcess;
import io.octopuses.promotion.target.PromotionImportProcess;
import io.octopuses.sim.SimulatorExtension;
import io.octopuses.sim.SimulatorSeed;

/**
 * The farm of a connected promotion test: a development server (the source) and a production server (the target),
 * both simulated and registered as CONNECTED, and the clean-up after the test class.
 */
final class PromotionFarm {

    private PromotionFarm() {
    }

    /** A simulated Octopus server whose deployments take milliseconds. */
    static SimulatorExtension simulator(String name, String apiKey, SimulatorSeed seed) {
        return SimulatorExtension.builder().name(name).apiKey(apiKey).seed(seed)
                .controls(c -> c.stepDuration(Duration.ofMillis(20)).timeFactor(0.01)).build();
    }

    static void register(FarmService farm, FarmClients clients, String dev, SimulatorExtension devServer, String devKey,
                         String prod, SimulatorExtension prodServer, String prodKey) {
        farm.register(new ServerRequest(dev, "Development", devServer.baseUrl().toString(), devKey, "dev",
                Reachability.CONNECTED, 0, null, null, Map.of()));
        farm.register(new ServerRequest(prod, "Production", prodServer.baseUrl().toString(), prodKey, "pci-prod",
                Reachability.CONNECTED, 0, null, null, Map.of()));
        // TODO-lifecycle: until the importer maps lifecycles
        SpaceClient t = clients.forServer(prod).space("Default");
        String production = t.environments().all().stream().filter(e -> e.name().equals("Production")).findFirst().orElseThrow().id();
        t.lifecycles().create(new LifecycleResource(null, "Dev to Test", null, "",
                List.of(new PhaseResource(null, "Production", List.of(), List.of(production), 0, false, false, null, null, null)),
                null, null, null, null, null));
    }

    /** Ends the promotion processes the test left running and removes the servers. */
    static void remove(ProcessEngine engine, FarmService farm, String... servers) {
        for (String key : List.of(ReleasePromotionProcess.PROCESS_KEY, PromotionImportProcess.PROCESS_KEY, "runOctopusTask")) {
            engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(key).list()
                    .forEach(instance -> engine.getRuntimeService().deleteProcessInstance(instance.getId(), "test cleanup"));
        }
        for (String server : servers) {
            farm.remove(server);
        }
    }
}
