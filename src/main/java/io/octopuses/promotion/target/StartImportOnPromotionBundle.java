package io.octopuses.promotion.target;

import static io.octopuses.promotion.target.PromotionImportProcess.*;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.octopuses.EngineAdapter;
import io.octopuses.bundle.BundleInbox;
import io.octopuses.bundle.BundleReceived;
import io.octopuses.bundle.ReceivedBundle;
import io.octopuses.farm.FarmServer;
import io.octopuses.farm.FarmServers;
import io.octopuses.problem.DomainException;
import io.octopuses.promotion.PromotionBundles;
import io.octopuses.promotion.PromotionProperties;
import io.octopuses.promotion.approval.ApprovalVariables;
import io.octopuses.promotion.record.PromotionImports;
import io.octopuses.promotion.record.PromotionProblems;
import io.octopuses.promotion.record.PromotionTicket;

/**
 * A verified promotion bundle arrived (REST upload, the inbox folder, or in-process): records it and starts
 * "Promotion import" (business key = promotion id) — once per promotion, however often its bundle is re-sent. A
 * bundle for a server this instance does not call is marked failed in the inbox with what to do.
 */
@Component
@EngineAdapter
class StartImportOnPromotionBundle {

    private static final Logger log = LoggerFactory.getLogger(StartImportOnPromotionBundle.class);

    private final BundleInbox inbox;
    private final PromotionImports imports;
    private final FarmServers servers;
    private final RuntimeService runtime;
    private final PromotionProperties properties;

    StartImportOnPromotionBundle(BundleInbox inbox, PromotionImports imports, FarmServers servers,
                                 RuntimeService runtime, PromotionProperties properties) {
        this.inbox = inbox;
        this.imports = imports;
        this.servers = servers;
        this.runtime = runtime;
        this.properties = properties;
    }

    @ApplicationModuleListener
    void on(BundleReceived received) {
        if (!PromotionBundles.KIND_PROMOTION.equals(received.kind())) {
            return;
        }
        ReceivedBundle bundle = inbox.item(received.bundleId());
        PromotionTicket ticket;
        try {
            ticket = PromotionTicket.of(received.bundleId().toString(), received.sourceInstanceId().toString(),
                    bundle.sourceInstanceName(), received.sourceServer(), received.attributes());
            Optional<FarmServer> target = servers.find(ticket.targetServer());
            if (target.isEmpty() || !target.get().isConnected()) {
                throw PromotionProblems.notDisconnected(ticket.targetServer());
            }
        } catch (DomainException refused) {
            inbox.markFailed(received.bundleId(), refused.getMessage() + " " + refused.fix());
            log.warn("Promotion bundle {} not imported: {}", received.bundleId(), refused.getMessage());
            return;
        }
        if (!imports.receive(ticket)) {
            inbox.markHandled(received.bundleId(), "Promotion " + ticket.promotionId() + " was received before; not imported twice");
            return;
        }
        runtime.startProcessInstanceByKey(PROCESS_KEY, ticket.promotionId(), variables(ticket));
        inbox.markHandled(received.bundleId(), "Import of promotion " + ticket.promotionId() + " started");
        log.info("Promotion {} received from instance {}: importing {} {} into {}", ticket.promotionId(),
                ticket.sourceInstanceName(), ticket.project(), ticket.version(), ticket.targetServer());
    }

    private Map<String, Object> variables(PromotionTicket ticket) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_PROMOTION_ID, ticket.promotionId());
        variables.put(VAR_BUNDLE_ID, ticket.bundleId());
        variables.put(VAR_SOURCE_INSTANCE, ticket.sourceInstanceId());
        variables.put(VAR_SOURCE_INSTANCE_NAME, ticket.sourceInstanceName());
        variables.put(VAR_SOURCE_SERVER, ticket.sourceServer());
        variables.put(VAR_SPACE, ticket.space());
        variables.put(VAR_PROJECT, ticket.project());
        variables.put(VAR_VERSION, ticket.version());
        variables.put(VAR_TARGET_SERVER, ticket.targetServer());
        variables.put(VAR_TARGET_ENVIRONMENT, ticket.environment());
        variables.put(VAR_ROUTE, ticket.sourceServer() + " (instance " + ticket.sourceInstanceName() + ") → "
                + ticket.targetServer() + " / " + ticket.environment());
        variables.put(VAR_DEPLOY_TIMEOUT, properties.deployTimeout().toString());
        variables.put(VAR_POLL_INTERVAL, properties.pollInterval().toString());
        variables.put(ApprovalVariables.REQUESTED_BY, ticket.requestedBy());
        return variables;
    }
}
