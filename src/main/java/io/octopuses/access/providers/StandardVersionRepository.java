package io.octopuses.access.providers;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface StandardVersionRepository extends JpaRepository<StandardVersion, Long> {

    Optional<StandardVersion> findFirstByOrderByVersionDesc();

    List<StandardVersion> findAllByOrderByVersionDesc();
}
