package io.octopuses.promotion.source;

import static io.octopuses.promotion.source.ReleasePromotionProcess.*;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.octopuses.bundle.BundleDraft;
import io.octopuses.bundle.Bundles;
import io.octopuses.bundle.SealedBundle;
import io.octopuses.promotion.PromotionBundles;
import io.octopuses.promotion.PromotionProperties;
import io.octopuses.promotion.copy.PackageFile;
import io.octopuses.promotion.copy.ReleaseContent;
import io.octopuses.promotion.record.Promotion;
import io.octopuses.promotion.record.PromotionEvent;
import io.octopuses.promotion.record.PromotionTicket;
import io.octopuses.promotion.record.Promotions;

/**
 * BPMN step "Seal promotion bundle": the staged release, its packages and the approvals (who, when, why — the
 * evidence the target zone's approvers see) in one bundle signed by this instance, valid for
 * {@code octopuses.promotion.bundle-validity}. The staged packages are not copied: the seal continues their staged
 * archive in place, and it becomes the bundle. A node that lacks the staged export exports again first.
 */
@Component
class SealPromotionBundle implements JavaDelegate {

    static final String BUNDLE_FILE = "promotion.bundle";

    private final Promotions promotions;
    private final SourceStaging staging;
    private final Bundles bundles;
    private final PromotionProperties properties;
    private final ObjectMapper json;

    SealPromotionBundle(Promotions promotions, SourceStaging staging, Bundles bundles, PromotionProperties properties,
                        ObjectMapper json) {
        this.promotions = promotions;
        this.staging = staging;
        this.bundles = bundles;
        this.properties = properties;
        this.json = json;
    }

    @Override
    public void execute(DelegateExecution execution) throws JsonProcessingException {
        Promotion promotion = promotions.get(execution.getProcessBusinessKey());
        ReleaseContent content = staging.staged(promotion).orElseGet(() -> staging.export(promotion).content());
        BundleDraft draft = BundleDraft.of(PromotionBundles.KIND_PROMOTION, promotion.sourceServer(),
                properties.bundleValidity());
        for (Map.Entry<String, String> attribute : PromotionTicket.attributesOf(promotion).entrySet()) {
            draft = draft.attribute(attribute.getKey(), attribute.getValue());
        }
        draft = draft.bytes(PromotionBundles.RELEASE_ENTRY, content.toJson())
                .bytes(PromotionBundles.APPROVALS_ENTRY, json.writeValueAsBytes(evidence(promotions.decisions(promotion.id()))));
        for (PackageFile file : content.packages()) {
            // sealed in place, with the SHA-256 the export took (and the approvers saw), neither copied nor hashed again
            draft = draft.staged(staging.packagesArchive(promotion), PromotionBundles.PACKAGES_DIR + file.fileName(),
                    file.sha256(), file.sizeBytes());
        }
        Path target = staging.dir(promotion).resolve(BUNDLE_FILE);
        SealedBundle sealed = bundles.seal(draft, target);
        promotions.sealed(promotion.id(), sealed.manifest().bundleId().toString());
        execution.setVariable(VAR_BUNDLE_ID, sealed.manifest().bundleId().toString());
        execution.setVariable(VAR_BUNDLE_EXPIRES_AT, sealed.manifest().notAfter().toString());
    }

    /** The approvals as they travel: who decided what, when and why. */
    static List<Map<String, Object>> evidence(List<PromotionEvent> decisions) {
        return decisions.stream().map(event -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("user", event.actor());
            entry.put("decision", event.kind().equals(PromotionEvent.APPROVED_BY) ? "approved" : "rejected");
            entry.put("comment", event.detail());
            entry.put("at", event.occurredAt().toString());
            return entry;
        }).toList();
    }
}
