package io.octopuses.promotion.record;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.octopuses.promotion.record.PromotionEvent.Side;

/** The target side's record of the promotions it imports, with their timeline. */
@Service
public class PromotionImports {

    private final PromotionImportRepository imports;
    private final PromotionTimeline timeline;
    private final Clock clock;

    PromotionImports(PromotionImportRepository imports, PromotionTimeline timeline, Clock clock) {
        this.imports = imports;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** Records a received promotion bundle; false if this promotion was received before (by another bundle). */
    @Transactional
    public boolean receive(PromotionTicket ticket) {
        if (imports.existsById(ticket.promotionId())) {
            timeline.record(ticket.promotionId(), Side.TARGET, "DUPLICATE_BUNDLE", null, "Bundle " + ticket.bundleId()
                    + " carries a promotion already received; ignored");
            return false;
        }
        imports.saveAndFlush(new PromotionImport(ticket, clock.instant()));
        timeline.record(ticket.promotionId(), Side.TARGET, "RECEIVED", ticket.requestedBy(), "Bundle "
                + ticket.bundleId() + " from instance " + ticket.sourceInstanceName() + ": " + ticket.project() + " "
                + ticket.version() + " to " + ticket.environment() + " on " + ticket.targetServer());
        return true;
    }

    @Transactional
    public void moveTo(String promotionId, String state, String actor, String why) {
        imports.findById(promotionId).ifPresent(row -> row.moveTo(state, why, clock.instant()));
        timeline.record(promotionId, Side.TARGET, state, actor, why);
    }

    @Transactional
    public void answered(String promotionId, String resultsBundleId) {
        imports.findById(promotionId).ifPresent(row -> row.answeredWith(resultsBundleId, clock.instant()));
        timeline.record(promotionId, Side.TARGET, "RESULTS_SENT", null, "Results bundle " + resultsBundleId);
    }

    /** Records a target-side approver's decision; returns how many different people have approved here so far. */
    @Transactional
    public int decided(String promotionId, String user, String decision, String comment) {
        timeline.record(promotionId, Side.TARGET, PromotionTimeline.kindOf(decision), user, comment);
        return timeline.approvers(promotionId, Side.TARGET);
    }

    /** The target side's approvals and rejections, in order. */
    @Transactional(readOnly = true)
    public List<PromotionEvent> decisions(String promotionId) {
        return timeline.decisions(promotionId, Side.TARGET);
    }

    @Transactional(readOnly = true)
    public Optional<PromotionImport> find(String promotionId) {
        return imports.findById(promotionId);
    }

    @Transactional(readOnly = true)
    public PromotionImport get(String promotionId) {
        return find(promotionId).orElseThrow(() -> PromotionProblems.notFound(promotionId));
    }

    @Transactional(readOnly = true)
    public List<PromotionImport> latest(int limit) {
        return imports.findAllByOrderByCreatedAtDesc(PageRequest.of(0, limit));
    }

    @Transactional(readOnly = true)
    public List<PromotionEvent> timeline(String promotionId) {
        return timeline.of(promotionId);
    }
}
