package io.octopuses.promotion.source;

import static io.octopuses.promotion.source.ReleasePromotionProcess.*;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import io.octopuses.EngineAdapter;
import io.octopuses.promotion.PromotionProperties;
import io.octopuses.promotion.approval.ApprovalGate;
import io.octopuses.promotion.approval.ApprovalPolicy;
import io.octopuses.promotion.approval.ApprovalVariables;
import io.octopuses.promotion.record.Promotion;
import io.octopuses.promotion.record.PromotionLauncher;

/** Starts "Release promotion" for a stored promotion (business key = promotion id), in the transaction that stored it. */
@Component
@EngineAdapter
class ReleasePromotionStarter implements PromotionLauncher {

    private final RuntimeService runtime;
    private final ApprovalPolicy policy;
    private final PromotionProperties properties;

    ReleasePromotionStarter(RuntimeService runtime, ApprovalPolicy policy, PromotionProperties properties) {
        this.runtime = runtime;
        this.policy = policy;
        this.properties = properties;
    }

    @Override
    public void launch(Promotion promotion) {
        ApprovalGate gate = policy.sourceGate(promotion.targetZone(), promotion.targetEnvironment());
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_PROMOTION_ID, promotion.id());
        variables.put(VAR_SOURCE_SERVER, promotion.sourceServer());
        variables.put(VAR_SPACE, promotion.spaceName());
        variables.put(VAR_PROJECT, promotion.project());
        variables.put(VAR_VERSION, promotion.releaseVersion());
        variables.put(VAR_TARGET_SERVER, promotion.targetServer());
        variables.put(VAR_TARGET_ENVIRONMENT, promotion.targetEnvironment());
        variables.put(VAR_TARGET_ZONE, promotion.targetZone());
        variables.put(VAR_ROUTE, promotion.sourceServer() + " → " + promotion.targetServer() + " / "
                + promotion.targetEnvironment() + " (zone " + promotion.targetZone() + ")");
        variables.put(VAR_TRANSPORT, promotion.transport().name());
        variables.put(VAR_REMINDER_EVERY, properties.reminderEvery().toString());
        variables.put(ApprovalVariables.REQUESTED_BY, promotion.requestedBy());
        variables.put(ApprovalVariables.APPROVER_GROUPS, gate.groups());
        variables.put(ApprovalVariables.APPROVALS_REQUIRED, gate.approvals());
        variables.put(ApprovalVariables.APPROVAL_COUNT, 0);
        variables.put(ApprovalVariables.APPROVAL_TIMEOUT, gate.timeout().toString());
        variables.put(ApprovalVariables.APPROVED, false);
        variables.put(ApprovalVariables.REJECTED, false);
        runtime.startProcessInstanceByKey(PROCESS_KEY, promotion.id(), variables);
    }
}
