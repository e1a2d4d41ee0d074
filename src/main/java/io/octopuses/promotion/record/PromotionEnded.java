package io.octopuses.promotion.record;

/** A promotion reached a final state (succeeded, failed, rejected, expired): its staged files can go. */
public record PromotionEnded(String promotionId, PromotionState state) {
}
