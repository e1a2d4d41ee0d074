package io.octopuses.farm;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ServerHealthSampleRepository extends JpaRepository<ServerHealthSample, Long> {

    Optional<ServerHealthSample> findFirstByServerSlugOrderByPolledAtDescIdDesc(String serverSlug);

    List<ServerHealthSample> findByServerSlugAndPolledAtAfterOrderByPolledAtDescIdDesc(String serverSlug, Instant since, Pageable page);

    @Modifying
    @Query("delete from ServerHealthSample s where s.polledAt < :cutoff")
    int deleteOlderThan(Instant cutoff);
}
