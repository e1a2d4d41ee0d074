package io.octopuses.promotion.record;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface PromotionImportRepository extends JpaRepository<PromotionImport, String> {

    List<PromotionImport> findAllByOrderByCreatedAtDesc(Pageable page);
}
