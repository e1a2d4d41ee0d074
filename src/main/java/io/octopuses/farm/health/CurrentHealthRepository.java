package io.octopuses.farm.health;

import org.springframework.data.jpa.repository.JpaRepository;

interface CurrentHealthRepository extends JpaRepository<CurrentHealth, String> {
}
