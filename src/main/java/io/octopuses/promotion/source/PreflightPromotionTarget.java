package io.octopuses.promotion.source;

import static io.octopuses.promotion.source.ReleasePromotionProcess.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.octopuses.farm.FarmClients;
import io.octopuses.promotion.PreflightText;
import io.octopuses.promotion.approval.ApprovalVariables;
import io.octopuses.promotion.copy.PreflightReport;
import io.octopuses.promotion.copy.ReleaseContent;
import io.octopuses.promotion.copy.ReleaseImporter;
import io.octopuses.promotion.record.Promotion;
import io.octopuses.promotion.record.PromotionState;
import io.octopuses.promotion.record.Promotions;
import io.octopuses.promotion.record.Transport;

/**
 * BPMN step "Check target": when this instance reaches the target server, everything the server lacks is listed at
 * once and refuses the promotion before anyone approves it; otherwise the approvers see what will change there.
 * Missing sensitive values do not refuse it: the target side's approvers enter them. A DISCONNECTED target is
 * checked by its own zone's instance when the bundle arrives.
 */
@Component
class PreflightPromotionTarget implements JavaDelegate {

    private final Promotions promotions;
    private final SourceStaging staging;
    private final ReleaseImporter importer;
    private final FarmClients farm;

    PreflightPromotionTarget(Promotions promotions, SourceStaging staging, ReleaseImporter importer, FarmClients farm) {
        this.promotions = promotions;
        this.staging = staging;
        this.importer = importer;
        this.farm = farm;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Promotion promotion = promotions.get(execution.getProcessBusinessKey());
        if (promotion.transport() == Transport.OUTBOX) {
            execution.setVariable(VAR_TARGET_CHANGES, "The target server " + promotion.targetServer()
                    + " is in zone " + promotion.targetZone() + ", which this instance does not reach: its own Octopuses "
                    + "instance checks it and shows the changes to that zone's approvers before anything is imported.");
            awaitApproval(promotion, execution, "The target is DISCONNECTED: it is checked in its own zone");
            return;
        }
        ReleaseContent content = staging.staged(promotion).orElseGet(() -> staging.export(promotion).content());
        PreflightReport report = importer.preflight(
                farm.forServer(promotion.targetServer()).space(promotion.spaceName()), content,
                promotion.targetEnvironment());
        List<String> blockers = PreflightText.blockers(report);
        if (!blockers.isEmpty()) {
            throw new BpmnError(ERROR_REFUSED, "The target server " + promotion.targetServer() + " cannot take "
                    + promotion.project() + " " + promotion.releaseVersion() + ": " + PreflightText.everything(report)
                    + ". Create what is missing on " + promotion.targetServer() + " (or resolve the conflict), then promote again.");
        }
        String changes = PreflightText.changes(report);
        if (!report.missingSensitiveVariables().isEmpty()) {
            changes += "\nSensitive values the target lacks (its approvers enter them): " + report.missingSensitiveVariables()
                    .stream().map(v -> v.name() + PreflightText.scope(v)).toList();
        }
        execution.setVariable(VAR_TARGET_CHANGES, changes);
        awaitApproval(promotion, execution, "Checked " + promotion.targetServer() + ": nothing missing");
    }

    private void awaitApproval(Promotion promotion, DelegateExecution execution, String checked) {
        promotions.moveTo(promotion.id(), PromotionState.AWAITING_APPROVAL, null, checked + "; waiting for "
                + execution.getVariable(ApprovalVariables.APPROVALS_REQUIRED) + " approval(s) from "
                + execution.getVariable(ApprovalVariables.APPROVER_GROUPS));
    }
}
