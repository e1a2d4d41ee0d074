package io.octopuses.promotion.record;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.octopuses.promotion.record.PromotionEvent.Side;

/** The lines of promotions' timelines, both sides in one table, in the caller's transaction. */
@Component
class PromotionTimeline {

    private final PromotionEventRepository events;
    private final Clock clock;

    PromotionTimeline(PromotionEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void record(String promotionId, Side side, String kind, String actor, String detail) {
        events.save(new PromotionEvent(promotionId, side, clock.instant(), kind, actor, detail));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void recordAt(String promotionId, Side side, Instant at, String kind, String actor, String detail) {
        events.save(new PromotionEvent(promotionId, side, at, kind == null ? "NOTE" : kind, actor, detail));
    }

    /** Kinds of the approval decisions on the timeline. */
    static final String APPROVED = PromotionEvent.APPROVED_BY;
    static final String REJECTED = PromotionEvent.REJECTED_BY;

    /** The timeline kind of an approver's decision ({@code approve} or {@code reject}). */
    static String kindOf(String decision) {
        return "approve".equals(decision) ? APPROVED : REJECTED;
    }

    int approvers(String promotionId, Side side) {
        return (int) decisions(promotionId, side).stream().filter(e -> APPROVED.equals(e.kind()))
                .map(e -> e.actor().toLowerCase(Locale.ROOT)).distinct().count();
    }

    List<PromotionEvent> decisions(String promotionId, Side side) {
        return of(promotionId).stream().filter(e -> e.side().equals(side.name()))
                .filter(e -> APPROVED.equals(e.kind()) || REJECTED.equals(e.kind())).toList();
    }

    List<PromotionEvent> of(String promotionId) {
        return events.findByPromotionIdOrderByOccurredAtAscIdAsc(promotionId);
    }
}
