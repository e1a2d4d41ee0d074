package io.octopuses.access.desired;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface DesiredStateVersionRepository extends JpaRepository<DesiredStateVersion, Long> {

    Optional<DesiredStateVersion> findFirstByOrderByVersionDesc();

    List<DesiredStateVersion> findAllByOrderByVersionDesc();
}
