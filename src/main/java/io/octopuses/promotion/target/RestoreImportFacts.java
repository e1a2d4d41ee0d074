package io.octopuses.promotion.target;

import static io.octopuses.promotion.target.PromotionImportProcess.*;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import io.octopuses.EngineAdapter;
import io.octopuses.bundle.BundleInbox;
import io.octopuses.promotion.record.PromotionImport;
import io.octopuses.promotion.record.PromotionImports;
import io.octopuses.promotion.record.PromotionRequest;
import io.octopuses.promotion.record.PromotionTicket;

/**
 * Complete listener of "Approve import", before anything uses the variables: whoever completes the task can send any
 * variables with it, so the facts the later steps act on — which server, space, project, release, environment and
 * bundle — are set again from the import's record and its signed bundle, overwriting what the submission carried.
 */
@Component
@EngineAdapter
class RestoreImportFacts implements TaskListener {

    private final PromotionImports imports;
    private final BundleInbox inbox;

    RestoreImportFacts(PromotionImports imports, BundleInbox inbox) {
        this.imports = imports;
        this.inbox = inbox;
    }

    @Override
    public void notify(DelegateTask task) {
        PromotionImport record = imports.get(task.getExecution().getProcessBusinessKey());
        String space = inbox.item(UUID.fromString(record.bundleId())).attributes()
                .getOrDefault(PromotionTicket.ATTR_SPACE, PromotionRequest.DEFAULT_SPACE);
        task.setVariable(VAR_PROMOTION_ID, record.promotionId());
        task.setVariable(VAR_BUNDLE_ID, record.bundleId());
        task.setVariable(VAR_TARGET_SERVER, record.targetServer());
        task.setVariable(VAR_SPACE, space);
        task.setVariable(VAR_PROJECT, record.project());
        task.setVariable(VAR_VERSION, record.releaseVersion());
        task.setVariable(VAR_TARGET_ENVIRONMENT, record.targetEnvironment());
    }
}
