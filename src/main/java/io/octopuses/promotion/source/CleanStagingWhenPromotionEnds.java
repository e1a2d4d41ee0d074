package io.octopuses.promotion.source;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.octopuses.promotion.PromotionStaging;
import io.octopuses.promotion.record.PromotionEnded;

/**
 * Removes a promotion's staged export and sealed bundle once it ended (the outbox and the inbox keep their own
 * copies). Best effort after the commit: a folder left behind by a crash costs disk only, and a new export of the
 * same promotion replaces it.
 */
@Component
class CleanStagingWhenPromotionEnds {

    private final PromotionStaging staging;

    CleanStagingWhenPromotionEnds(PromotionStaging staging) {
        this.staging = staging;
    }

    @TransactionalEventListener
    void on(PromotionEnded ended) {
        staging.clean(ended.promotionId(), SourceStaging.PART);
    }
}
