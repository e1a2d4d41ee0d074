package io.octopuses.farm.health;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ServerEventRepository extends JpaRepository<ServerEvent, Long> {

    List<ServerEvent> findByServerSlugOrderByOccurredAtDescIdDesc(String serverSlug, Pageable page);

    List<ServerEvent> findAllByOrderByOccurredAtDescIdDesc(Pageable page);

    @Modifying
    @Query("delete from ServerEvent e where e.occurredAt < :cutoff")
    int deleteOlderThan(Instant cutoff);
}
