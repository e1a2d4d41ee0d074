package io.octopuses.upgrade.campaign;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.octopuses.upgrade.UpgradeProblems;
import io.octopuses.upgrade.plan.CampaignPlan;
import io.octopuses.upgrade.plan.CampaignPlanner;
import io.octopuses.upgrade.plan.CampaignRequest;
import io.octopuses.upgrade.plan.Decision;
import io.octopuses.upgrade.plan.PlannedServer;

/**
 * Campaigns: started from a plan (frozen with them: a restart or a changed farm does not change which servers they
 * cover), read back as a report, stopped. The rings and waves are read from here by the running process.
 */
@Service
public class UpgradeCampaigns {

    private static final Set<ServerState> BUSY = EnumSet.of(ServerState.PLANNED, ServerState.UPGRADING,
            ServerState.HANDOFF);

    private final UpgradeCampaignRepository campaigns;
    private final CampaignServerRepository servers;
    private final CampaignPlanner planner;
    private final CampaignLauncher launcher;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UpgradeCampaigns(UpgradeCampaignRepository campaigns, CampaignServerRepository servers, CampaignPlanner planner,
                     CampaignLauncher launcher, ObjectMapper json, ApplicationEventPublisher events, Clock clock) {
        this.campaigns = campaigns;
        this.servers = servers;
        this.planner = planner;
        this.launcher = launcher;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Plans, stores and starts a campaign; refused when it would upgrade nothing (here or, for DISCONNECTED servers,
     * through their zones' instances) or touch a server already in one. {@link CampaignStarted} goes out with it.
     */
    @Transactional
    public UpgradeCampaign start(CampaignRequest request, String requestedBy) {
        CampaignPlan plan = planner.plan(request);
        boolean bundled = plan.servers().stream().anyMatch(server -> server.decision() == Decision.BUNDLE);
        if (plan.upgraded().isEmpty() && !bundled) {
            throw UpgradeProblems.nothingToUpgrade(plan.request().targetVersion());
        }
        List<String> upgraded = plan.upgraded().stream().map(PlannedServer::slug).toList();
        Map<String, String> busy = servers.findByServerSlugInAndStateIn(upgraded, BUSY).stream()
                .collect(Collectors.toMap(CampaignServer::serverSlug, CampaignServer::campaignId, (a, b) -> a, TreeMap::new));
        if (!busy.isEmpty()) {
            throw UpgradeProblems.serversBusy(busy);
        }
        UpgradeCampaign campaign = campaigns.save(new UpgradeCampaign(plan.request().targetVersion(), requestedBy,
                write(plan.request()), clock.instant()));
        plan.servers().forEach(planned -> servers.save(new CampaignServer(campaign.id(), planned)));
        List<Integer> rings = List.copyOf(plan.wavesPerRing().keySet());
        campaign.startedAs(launcher.launch(campaign, plan.request(), rings), clock.instant());
        events.publishEvent(new CampaignStarted(campaign.id(), bundled));
        return campaign;
    }

    @Transactional(readOnly = true)
    public UpgradeCampaign get(String id) {
        return campaigns.findById(id).orElseThrow(() -> UpgradeProblems.campaignNotFound(id));
    }

    @Transactional(readOnly = true)
    public List<UpgradeCampaign> latest(int limit) {
        return campaigns.findAllByOrderByCreatedAtDesc(PageRequest.of(0, limit));
    }

    /** Every server of the campaign, in ring and wave order. */
    @Transactional(readOnly = true)
    public List<CampaignServer> servers(String id) {
        get(id);
        return servers.findByCampaignIdOrderByRingAscWaveAscServerSlugAsc(id);
    }

    /** The request as stored (defaults filled in). */
    @Transactional(readOnly = true)
    public CampaignRequest request(String id) {
        return read(get(id).requestJson());
    }

    /** Asks the campaign to stop: no new wave or ring starts; servers under way finish their own steps. */
    @Transactional
    public UpgradeCampaign stop(String id, String why) {
        UpgradeCampaign campaign = get(id);
        if (campaign.state().ended()) {
            throw UpgradeProblems.campaignEnded(id, campaign.state().name());
        }
        campaign.stop(why, clock.instant());
        return campaign;
    }

    @Transactional(readOnly = true)
    public boolean stopRequested(String id) {
        return get(id).stopRequested();
    }

    /** The waves of a ring that have servers to upgrade, in order. */
    @Transactional(readOnly = true)
    public List<Integer> waves(String id, int ring) {
        return servers(id).stream().filter(server -> server.decision() == Decision.UPGRADE && server.ring() == ring)
                .map(CampaignServer::wave).distinct().sorted().toList();
    }

    /** The servers of one wave still to upgrade (none already ended: a restarted wave does not redo them). */
    @Transactional(readOnly = true)
    public List<String> waveServers(String id, int ring, int wave) {
        return servers(id).stream().filter(server -> server.decision() == Decision.UPGRADE
                        && server.ring() == ring && server.wave() == wave && !server.state().ended())
                .map(CampaignServer::serverSlug).toList();
    }

    /** For the ring's approver: its servers by wave, and how the campaign went so far. */
    @Transactional(readOnly = true)
    public String ringSummary(String id, int ring) {
        List<CampaignServer> all = servers(id);
        Map<Integer, List<String>> waves = all.stream()
                .filter(server -> server.decision() == Decision.UPGRADE && server.ring() == ring)
                .collect(Collectors.groupingBy(CampaignServer::wave, TreeMap::new,
                        Collectors.mapping(CampaignServer::serverSlug, Collectors.toList())));
        Map<ServerState, Long> sofar = all.stream().collect(Collectors.groupingBy(CampaignServer::state, TreeMap::new,
                Collectors.counting()));
        return "waves " + waves.values() + "; campaign so far: " + sofar;
    }

    /**
     * Ends the campaign: COMPLETED, or ABORTED when it was stopped (its servers never started say ABORTED); then
     * {@link CampaignEnded} goes out. DISCONNECTED servers stay PENDING_BUNDLE until their zone's report arrives.
     */
    @Transactional
    public UpgradeCampaign finish(String id) {
        UpgradeCampaign campaign = get(id);
        boolean ending = !campaign.state().ended();
        if (campaign.stopRequested()) {
            servers.findByCampaignIdOrderByRingAscWaveAscServerSlugAsc(id).stream()
                    .filter(server -> server.state() == ServerState.PLANNED)
                    .forEach(server -> server.end(ServerState.ABORTED, "not started: " + campaign.detail(), clock.instant()));
        }
        campaign.end(clock.instant());
        if (ending) {
            events.publishEvent(new CampaignEnded(id, campaign.state()));
        }
        return campaign;
    }

    private String write(CampaignRequest request) {
        try {
            return json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A campaign request could not be written as JSON", e);
        }
    }

    private CampaignRequest read(String stored) {
        try {
            return json.readValue(stored, CampaignRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored campaign request could not be read", e);
        }
    }
}
