package io.octopuses.upgrade.remote;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface RemoteCampaignRepository extends JpaRepository<RemoteCampaign, String> {

    Optional<RemoteCampaign> findByLocalCampaignId(String localCampaignId);

    Optional<RemoteCampaign> findBySourceInstanceIdAndSourceCampaignIdAndSourceZone(String sourceInstanceId,
                                                                                   String sourceCampaignId, String sourceZone);
}
