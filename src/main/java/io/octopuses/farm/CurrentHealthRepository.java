package io.octopuses.farm;

import org.springframework.data.jpa.repository.JpaRepository;

interface CurrentHealthRepository extends JpaRepository<CurrentHealth, String> {
}
