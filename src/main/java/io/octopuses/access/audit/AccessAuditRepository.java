package io.octopuses.access.audit;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface AccessAuditRepository extends JpaRepository<AccessAuditEntry, Long> {

    List<AccessAuditEntry> findByAtGreaterThanEqualOrderByIdDesc(Instant since, Pageable page);

    List<AccessAuditEntry> findByServerSlugAndAtGreaterThanEqualOrderByIdDesc(String serverSlug, Instant since,
                                                                             Pageable page);

    List<AccessAuditEntry> findBySubjectAndAtGreaterThanEqualOrderByIdDesc(String subject, Instant since,
                                                                          Pageable page);
}
