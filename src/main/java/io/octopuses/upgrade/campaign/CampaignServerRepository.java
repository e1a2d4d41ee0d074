package io.octopuses.upgrade.campaign;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CampaignServerRepository extends JpaRepository<CampaignServer, String> {

    List<CampaignServer> findByCampaignIdOrderByRingAscWaveAscServerSlugAsc(String campaignId);

    List<CampaignServer> findByServerSlugInAndStateIn(Collection<String> slugs, Collection<ServerState> states);

    List<CampaignServer> findByStateAndBundleIdNotNull(ServerState state);
}
