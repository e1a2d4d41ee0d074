package io.octopuses.promotion.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.octopuses.EngineAdapter;
import io.octopuses.bundle.BundleInbox;
import io.octopuses.bundle.BundleManifest;
import io.octopuses.bundle.BundleReceived;
import io.octopuses.bundle.OpenedBundle;
import io.octopuses.promotion.PromotionBundles;
import io.octopuses.promotion.record.Promotion;
import io.octopuses.promotion.record.PromotionResults;
import io.octopuses.promotion.record.PromotionTicket;
import io.octopuses.promotion.record.Promotions;

/**
 * A verified results bundle arrived: the outcome, the log and the target's timeline are recorded on the promotion,
 * and its waiting process continues. Results for an unknown promotion are marked failed in the inbox with why;
 * results arriving twice or after the promotion ended are kept on the timeline and change nothing.
 */
@Component
@EngineAdapter
class PromotionResultsReceiver {

    private static final Logger log = LoggerFactory.getLogger(PromotionResultsReceiver.class);
    /** The most of a remote log kept on the promotion (its end: where a failure shows); the rest stays in Octopus. */
    static final int MAX_LOG_BYTES = 16 * 1024 * 1024;

    private final BundleInbox inbox;
    private final Promotions promotions;
    private final RuntimeService runtime;
    private final ObjectMapper json;

    PromotionResultsReceiver(BundleInbox inbox, Promotions promotions, RuntimeService runtime, ObjectMapper json) {
        this.inbox = inbox;
        this.promotions = promotions;
        this.runtime = runtime;
        this.json = json;
    }

    @ApplicationModuleListener
    void on(BundleReceived received) throws IOException {
        if (!PromotionBundles.KIND_RESULTS.equals(received.kind())) {
            return;
        }
        String promotionId = received.attributes().get(PromotionTicket.ATTR_PROMOTION_ID);
        Promotion promotion = promotionId == null ? null : promotions.find(promotionId).orElse(null);
        if (promotion == null) {
            inbox.markFailed(received.bundleId(), "No promotion '" + promotionId + "' was started by this instance: "
                    + "these results belong to another instance. Bring them to the instance that started the promotion.");
            log.warn("Results bundle {} is for unknown promotion {}", received.bundleId(), promotionId);
            return;
        }
        PromotionResults results;
        boolean ourTimeline;
        try (OpenedBundle bundle = inbox.open(received.bundleId())) {
            results = json.readValue(bundle.bytes(PromotionBundles.RESULTS_ENTRY), PromotionResults.class)
                    .withLog(logOf(bundle));
            if (!promotionId.equals(results.promotionId())) {
                inbox.markFailed(received.bundleId(), "The results inside are for promotion " + results.promotionId()
                        + ", not " + promotionId + " as the manifest says; ask the target instance to send them again.");
                return;
            }
            ourTimeline = promotions.timeline(promotionId).stream().anyMatch(e -> e.side().equals("TARGET"));
            if (!ourTimeline) {
                List<Map<String, String>> lines = json.readValue(bundle.bytes(PromotionBundles.TIMELINE_ENTRY),
                        new TypeReference<>() {
                        });
                lines.forEach(line -> promotions.remoteNote(promotionId, line.get("at"), line.get("kind"),
                        line.get("actor"), line.get("detail")));
            }
        }
        if (promotions.recordResults(results, "in bundle " + received.bundleId())) {
            runtime.createMessageCorrelation(ReleasePromotionProcess.MESSAGE_RESULTS)
                    .processInstanceBusinessKey(promotionId)
                    .correlateWithResult();
            inbox.markHandled(received.bundleId(), "Results " + results.state() + " recorded on promotion " + promotionId);
        } else {
            inbox.markHandled(received.bundleId(), "Promotion " + promotionId + " had its results or had ended ("
                    + promotion.state() + "); kept on its timeline only");
        }
    }

    private static String logOf(OpenedBundle bundle) throws IOException {
        BundleManifest.Entry entry = bundle.manifest().entry(PromotionBundles.TASK_LOG_ENTRY).orElse(null);
        if (entry == null) {
            return null;
        }
        try (InputStream in = bundle.entry(PromotionBundles.TASK_LOG_ENTRY)) {
            long skip = Math.max(0, entry.size() - MAX_LOG_BYTES);
            in.skipNBytes(skip);
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return skip == 0 ? text : "[the first " + skip + " bytes of the log are left out; the whole log is on the target server]\n" + text;
        }
    }
}
