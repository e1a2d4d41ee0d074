package io.octopuses.farm.health;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ServerHealthSampleRepository extends JpaRepository<ServerHealthSample, Long> {

    /** Every server's current sample, in one query. */
    @Query("select s from ServerHealthSample s where s.id in (select c.sampleId from CurrentHealth c)")
    List<ServerHealthSample> findCurrent();

    @Query("select s from ServerHealthSample s where s.id = (select c.sampleId from CurrentHealth c where c.serverSlug = :serverSlug)")
    Optional<ServerHealthSample> findCurrent(String serverSlug);

    List<ServerHealthSample> findByServerSlugAndPolledAtAfterOrderByPolledAtDescIdDesc(String serverSlug, Instant since, Pageable page);

    @Modifying
    @Query("delete from ServerHealthSample s where s.polledAt < :cutoff and s.id not in (select c.sampleId from CurrentHealth c)")
    int deleteOlderThan(Instant cutoff);
}
