package io.octopuses.upgrade.pin;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface UpgradePinRepository extends JpaRepository<UpgradePin, String> {

    List<UpgradePin> findAllByOrderByCreatedAtDesc();
}
