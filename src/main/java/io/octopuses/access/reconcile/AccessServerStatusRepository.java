package io.octopuses.access.reconcile;

import org.springframework.data.jpa.repository.JpaRepository;

interface AccessServerStatusRepository extends JpaRepository<AccessServerStatus, String> {
}
