package io.octopuses.promotion.target;

import static io.octopuses.promotion.target.PromotionImportProcess.*;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.octopuses.bundle.OpenedBundle;
import io.octopuses.farm.FarmClients;
import io.octopuses.farm.FarmServers;
import io.octopuses.promotion.PackageSummary;
import io.octopuses.promotion.PreflightText;
import io.octopuses.promotion.approval.ApprovalGate;
import io.octopuses.promotion.approval.ApprovalPolicy;
import io.octopuses.promotion.approval.ApprovalVariables;
import io.octopuses.promotion.copy.PreflightReport;
import io.octopuses.promotion.copy.ReleaseContent;
import io.octopuses.promotion.copy.ReleaseImporter;
import io.octopuses.promotion.copy.SensitiveVariable;
import io.octopuses.promotion.record.PromotionImports;

/**
 * BPMN step "Preflight import": opens the verified bundle and checks the target server — everything it lacks, all at
 * once — and decides whether the target zone's own approval is needed: when its rules require one, or when sensitive
 * values are missing (a person enters them in the approval form, up to {@value PromotionImportProcess#SENSITIVE_SLOTS}).
 */
@Component
class PreflightImport implements JavaDelegate {

    private final ReceivedPromotion received;
    private final ReleaseImporter importer;
    private final FarmClients farm;
    private final FarmServers servers;
    private final ApprovalPolicy policy;
    private final PromotionImports imports;

    PreflightImport(ReceivedPromotion received, ReleaseImporter importer, FarmClients farm, FarmServers servers,
                    ApprovalPolicy policy, PromotionImports imports) {
        this.received = received;
        this.importer = importer;
        this.farm = farm;
        this.servers = servers;
        this.policy = policy;
        this.imports = imports;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String targetServer = (String) execution.getVariable(VAR_TARGET_SERVER);
        String environment = (String) execution.getVariable(VAR_TARGET_ENVIRONMENT);
        try (OpenedBundle bundle = received.open((String) execution.getVariable(VAR_BUNDLE_ID))) {
            ReleaseContent content = received.content(bundle);
            execution.setVariable(VAR_RELEASE_NOTES, content.release().releaseNotes());
            execution.setVariable(VAR_PACKAGE_SUMMARY, PackageSummary.of(content.packages()));
            execution.setVariable(VAR_SOURCE_APPROVALS, received.approvals(bundle));
            PreflightReport report = importer.preflight(
                    farm.forServer(targetServer).space((String) execution.getVariable(VAR_SPACE)), content, environment);
            List<String> blockers = PreflightText.blockers(report);
            List<SensitiveVariable> sensitive = report.missingSensitiveVariables();
            if (sensitive.size() > SENSITIVE_SLOTS) {
                blockers = new ArrayList<>(blockers);
                blockers.add(sensitive.size() + " sensitive values are missing, more than the approval form takes ("
                        + SENSITIVE_SLOTS + "): set them on " + targetServer + " directly: "
                        + sensitive.stream().map(SensitiveVariable::name).toList());
            }
            execution.setVariable(VAR_TARGET_CHANGES, PreflightText.changes(report));
            execution.setVariable(VAR_IMPORTABLE, blockers.isEmpty());
            execution.setVariable(VAR_PREFLIGHT_PROBLEMS, blockers.isEmpty() ? null : String.join("; ", blockers));
            for (int slot = 1; slot <= SENSITIVE_SLOTS; slot++) {
                SensitiveVariable variable = slot <= sensitive.size() ? sensitive.get(slot - 1) : null;
                execution.setVariable(VAR_SENSITIVE_NAME_PREFIX + slot,
                        variable == null ? null : variable.name() + PreflightText.scope(variable));
                execution.setVariable(VAR_SENSITIVE_KEY_PREFIX + slot, variable == null ? null : variable.key());
            }
            ApprovalGate gate = policy.targetGate(servers.get(targetServer).zone(), environment);
            execution.setVariable(VAR_NEEDS_LOCAL_APPROVAL, blockers.isEmpty() && (gate.required() || !sensitive.isEmpty()));
            execution.setVariable(ApprovalVariables.APPROVER_GROUPS, gate.groups());
            execution.setVariable(ApprovalVariables.APPROVALS_REQUIRED, gate.approvals());
            execution.setVariable(ApprovalVariables.APPROVAL_TIMEOUT, gate.timeout().toString());
            execution.setVariable(ApprovalVariables.APPROVAL_COUNT, 0);
            execution.setVariable(ApprovalVariables.APPROVED, false);
            execution.setVariable(ApprovalVariables.REJECTED, false);
            imports.moveTo(execution.getProcessBusinessKey(), blockers.isEmpty() ? "CHECKED" : "PREFLIGHT_FAILED", null,
                    blockers.isEmpty() ? "Nothing missing on " + targetServer
                            + (sensitive.isEmpty() ? "" : "; " + sensitive.size() + " sensitive value(s) to enter")
                            : String.join("; ", blockers));
        }
    }
}
