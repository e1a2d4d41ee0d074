package io.octopuses.upgrade;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import io.octopuses.ProcessDriver;
import io.octopuses.farm.FarmClients;
import io.octopuses.farm.inventory.FarmService;
import io.octopuses.security.SecurityGroups;

/**
 * What a campaign scenario test sets up: its servers registered ({@link #registerServers()}), the lab's operator and
 * approver, the REST API and the job driver; and the engine's clock put back afterwards. Subclasses are
 * {@code @OctopusesTest}s that declare their simulators.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class UpgradeScenario {

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

    UpgradeLab lab;
    ProcessDriver driver;

    /** Registers the class's simulated servers in the farm. */
    abstract void registerServers();

    @BeforeAll
    void setUpTheLab() {
        registerServers();
        driver = new ProcessDriver(engine);
        UpgradeLab.people(driver, groups.operators(), groups.approvers());
        lab = new UpgradeLab(http, json);
    }

    @AfterAll
    void putTheClockBack() {
        ProcessDriver.resetClock();
    }

    boolean maintenanceModeOn(String slug) {
        return Boolean.TRUE.equals(clients.forServer(slug).system().maintenance().isInMaintenanceMode());
    }
}
