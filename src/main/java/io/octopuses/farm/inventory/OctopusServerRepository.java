package io.octopuses.farm.inventory;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

import io.octopuses.farm.Reachability;

interface OctopusServerRepository extends JpaRepository<OctopusServer, String> {

    List<OctopusServer> findAllByOrderByUpgradeRingAscSlugAsc();

    List<OctopusServer> findByReachability(Reachability reachability);
}
