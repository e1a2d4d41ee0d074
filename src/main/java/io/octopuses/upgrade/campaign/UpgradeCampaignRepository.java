package io.octopuses.upgrade.campaign;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface UpgradeCampaignRepository extends JpaRepository<UpgradeCampaign, String> {

    List<UpgradeCampaign> findAllByOrderByCreatedAtDesc(Pageable page);

    List<UpgradeCampaign> findByState(CampaignState state);
}
