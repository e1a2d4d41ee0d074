package io.octopuses.promotion.record;

/** Starts the source-side process of a new promotion, in the transaction that stores it (both or neither). */
public interface PromotionLauncher {

    void launch(Promotion promotion);
}
