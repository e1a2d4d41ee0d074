package io.octopuses.promotion.record;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface PromotionRepository extends JpaRepository<Promotion, String> {

    Optional<Promotion> findByRequestedByAndIdempotencyKey(String requestedBy, String idempotencyKey);

    List<Promotion> findAllByOrderByCreatedAtDesc(Pageable page);
}
