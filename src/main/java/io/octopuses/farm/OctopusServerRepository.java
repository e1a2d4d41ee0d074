package io.octopuses.farm;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface OctopusServerRepository extends JpaRepository<OctopusServer, String> {

    List<OctopusServer> findAllByOrderByUpgradeRingAscSlugAsc();

    List<OctopusServer> findByReachability(Reachability reachability);
}
