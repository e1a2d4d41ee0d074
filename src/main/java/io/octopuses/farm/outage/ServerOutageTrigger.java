package io.octopuses.farm.outage;

import java.time.Duration;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.octopuses.EngineAdapter;
import io.octopuses.farm.ServerAvailabilityChanged;
import io.octopuses.farm.ServerRemoved;
import io.octopuses.farm.inventory.FarmProperties;
import io.octopuses.security.SecurityGroups;

/**
 * Starts a "Server outage" process (business key = server slug) when a server goes offline, at most one per
 * server, tells a waiting one when the server answers again, and ends it when the server is removed. A server that
 * goes offline from maintenance mode is being worked on (an upgrade campaign switches it on first): nobody is paged.
 */
@Component
@EngineAdapter
class ServerOutageTrigger {

    private static final Logger log = LoggerFactory.getLogger(ServerOutageTrigger.class);

    private final RuntimeService runtime;
    private final String operatorGroup;
    private final Duration recheckAfter;

    ServerOutageTrigger(RuntimeService runtime, SecurityGroups groups, FarmProperties farm) {
        this.runtime = runtime;
        this.operatorGroup = groups.operators();
        this.recheckAfter = farm.outageRecheckAfter();
    }

    /** After the reading's commit, again until it succeeds (the event is stored with the reading). */
    @ApplicationModuleListener
    void on(ServerAvailabilityChanged change) {
        boolean running = runtime.createProcessInstanceQuery()
                .processDefinitionKey(ServerOutageProcess.PROCESS_KEY)
                .processInstanceBusinessKey(change.serverSlug())
                .count() > 0;
        if (!change.online() && change.fromMaintenanceMode()) {
            log.info("{} went offline from maintenance mode (an upgrade, planned work): no outage process", change.serverSlug());
        } else if (!change.online() && !running) {
            runtime.startProcessInstanceByKey(ServerOutageProcess.PROCESS_KEY, change.serverSlug(), Map.of(
                    ServerOutageProcess.VAR_SERVER_SLUG, change.serverSlug(),
                    ServerOutageProcess.VAR_OUTAGE_DETAIL, change.detail(),
                    ServerOutageProcess.VAR_OPERATOR_GROUP, operatorGroup,
                    ServerOutageProcess.VAR_RECHECK_AFTER, recheckAfter.toString()));
            log.info("Started a server outage process for {}", change.serverSlug());
        } else if (change.online() && running) {
            runtime.createMessageCorrelation(ServerOutageProcess.MESSAGE_SERVER_BACK_ONLINE)
                    .processInstanceBusinessKey(change.serverSlug())
                    .correlateAllWithResult();
        }
    }

    /** After the removal committed: the outage of a server that is gone has nothing left to investigate. */
    @ApplicationModuleListener
    void on(ServerRemoved removed) {
        runtime.createMessageCorrelation(ServerOutageProcess.MESSAGE_SERVER_REMOVED)
                .processInstanceBusinessKey(removed.serverSlug())
                .correlateAllWithResult();
    }
}
