package io.octopuses.promotion.target;

import java.util.List;

import io.octopuses.promotion.record.PromotionEvent;

/** The target side's timeline as it travels in the results bundle ({@code timeline.json}). */
record TimelineLines(List<Line> lines) {

    record Line(String at, String kind, String actor, String detail) {
    }

    static List<Line> of(List<PromotionEvent> events) {
        return events.stream().filter(e -> e.side().equals(PromotionEvent.Side.TARGET.name()))
                .map(e -> new Line(e.occurredAt().toString(), e.kind(), e.actor(), e.detail())).toList();
    }
}
