package io.octopuses.promotion.target;

import static io.octopuses.promotion.target.PromotionImportProcess.*;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.octopuses.bundle.BundleDraft;
import io.octopuses.bundle.Bundles;
import io.octopuses.bundle.SealedBundle;
import io.octopuses.farm.FarmClients;
import io.octopuses.promotion.BundleDelivery;
import io.octopuses.promotion.PromotionBundles;
import io.octopuses.promotion.PromotionProperties;
import io.octopuses.promotion.PromotionStaging;
import io.octopuses.promotion.record.PromotionImport;
import io.octopuses.promotion.record.PromotionImports;
import io.octopuses.promotion.record.PromotionResults;
import io.octopuses.promotion.record.PromotionTicket;

/**
 * BPMN step "Send promotion results": a results bundle signed by this instance — the outcome, the remote ids and
 * times, this side's timeline, and the whole task log streamed from the target server — goes back the way the
 * promotion came: in-process when this instance started it, else into the outbox for the source zone. Once: a retry
 * after the results were sent does nothing.
 */
@Component
class SendPromotionResults implements JavaDelegate {

    static final String PART = "target";

    private final PromotionImports imports;
    private final Bundles bundles;
    private final BundleDelivery delivery;
    private final PromotionStaging staging;
    private final PromotionProperties properties;
    private final FarmClients farm;
    private final ObjectMapper json;

    SendPromotionResults(PromotionImports imports, Bundles bundles, BundleDelivery delivery, PromotionStaging staging,
                         PromotionProperties properties, FarmClients farm, ObjectMapper json) {
        this.imports = imports;
        this.bundles = bundles;
        this.delivery = delivery;
        this.staging = staging;
        this.properties = properties;
        this.farm = farm;
        this.json = json;
    }

    @Override
    public void execute(DelegateExecution execution) throws IOException {
        String promotionId = execution.getProcessBusinessKey();
        PromotionImport promotion = imports.get(promotionId);
        if (promotion.resultsBundleId() != null) {
            return;
        }
        Path dir = staging.dir(promotionId, PART);
        String taskId = (String) execution.getVariable(VAR_TASK_ID);
        Path log = dir.resolve(PromotionBundles.TASK_LOG_ENTRY);
        try (OutputStream out = Files.newOutputStream(log)) {
            if (taskId != null) {
                try (InputStream raw = farm.forServer(promotion.targetServer()).tasks().rawLog(taskId)) {
                    TaskLogCopy.copy(raw, out, properties.maxTaskLog().toBytes(), "task " + taskId + " on "
                            + promotion.targetServer());
                }
            }
        }
        PromotionResults results = new PromotionResults(promotionId, (String) execution.getVariable(VAR_RESULT_STATE),
                (String) execution.getVariable(VAR_RESULT_DETAIL),
                (String) execution.getVariable(ResultVariables.RELEASE_ID),
                (String) execution.getVariable(ResultVariables.DEPLOYMENT_ID), taskId,
                instant(execution.getVariable(ResultVariables.STARTED_AT)),
                instant(execution.getVariable(ResultVariables.COMPLETED_AT)),
                (String) execution.getVariable(ResultVariables.ERROR), null);
        BundleDraft draft = BundleDraft.of(PromotionBundles.KIND_RESULTS, promotion.targetServer(),
                properties.bundleValidity())
                .attribute(PromotionTicket.ATTR_PROMOTION_ID, promotionId)
                .attribute(PromotionTicket.ATTR_PROJECT, promotion.project())
                .attribute(PromotionTicket.ATTR_VERSION, promotion.releaseVersion())
                .attribute("state", results.state())
                .bytes(PromotionBundles.RESULTS_ENTRY, json.writeValueAsBytes(results))
                .bytes(PromotionBundles.TIMELINE_ENTRY, json.writeValueAsBytes(TimelineLines.of(imports.timeline(promotionId))))
                .file(PromotionBundles.TASK_LOG_ENTRY, log);
        SealedBundle sealed = bundles.seal(draft, dir.resolve("results.bundle"));
        UUID bundleId = sealed.manifest().bundleId();
        imports.answered(promotionId, bundleId.toString());
        if (delivery.isThisInstance(promotion.sourceInstance())) {
            delivery.inProcess(bundleId, sealed.file());
        } else {
            delivery.toOutbox(bundleId, sealed.file());
        }
        staging.clean(promotionId, PART);
    }

    private static Instant instant(Object iso) {
        return iso == null ? null : Instant.parse((String) iso);
    }
}
