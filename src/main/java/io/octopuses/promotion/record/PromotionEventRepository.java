package io.octopuses.promotion.record;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface PromotionEventRepository extends JpaRepository<PromotionEvent, Long> {

    List<PromotionEvent> findByPromotionIdOrderByOccurredAtAscIdAsc(String promotionId);
}
