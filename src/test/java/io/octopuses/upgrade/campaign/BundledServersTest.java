package io.octopuses.upgrade.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.octopuses.upgrade.plan.Decision;
import io.octopuses.upgrade.plan.PlannedServer;

/** A report is applied to PENDING_BUNDLE servers only, each once; everything else is ignored and said why. */
class BundledServersTest {

    static final String CAMPAIGN = "c-1";
    static final Instant AT = Instant.parse("2026-11-29T10:00:00Z");

    private final CampaignServerRepository repository = mock(CampaignServerRepository.class);
    private final BundledServers bundled = new BundledServers(repository);
    private CampaignServer remote;
    private CampaignServer local;

    @BeforeEach
    void rows() {
        remote = new CampaignServer(CAMPAIGN, planned("pci-1", "pci", Decision.BUNDLE, "DISCONNECTED"));
        local = new CampaignServer(CAMPAIGN, planned("dev-1", "dev", Decision.UPGRADE, "UPGRADE"));
        when(repository.findByCampaignIdOrderByRingAscWaveAscServerSlugAsc(CAMPAIGN)).thenReturn(List.of(local, remote));
    }

    @Test
    void theDisconnectedServersAwaitTheirInstructionByZoneUntilItIsSent() {
        assertThat(bundled.awaitingInstruction(CAMPAIGN)).containsOnlyKeys("pci");
        remote.bundleSent("b-1");
        assertThat(bundled.awaitingInstruction(CAMPAIGN)).isEmpty();
    }

    @Test
    void aReportEndsThePendingServerOnceAndIgnoresTheRest() {
        BundledServers.ReportApplied first = bundled.applyReport(CAMPAIGN, "r-1", "pci-zone", List.of(
                outcome("pci-1", ServerState.UPGRADED), outcome("dev-1", ServerState.UPGRADED),
                outcome("nobody", ServerState.UPGRADED)));
        assertThat(first.applied()).containsExactly("pci-1");
        assertThat(first.ignored()).containsOnlyKeys("dev-1", "nobody");
        assertThat(remote.state()).isEqualTo(ServerState.UPGRADED);
        assertThat(remote.reportBundleId()).isEqualTo("r-1");
        assertThat(remote.reason()).contains("instance 'pci-zone'", "bundle r-1", "now on 2026.1.9674");
        assertThat(remote.finishedAt()).isEqualTo(AT);
        assertThat(local.state()).isEqualTo(ServerState.PLANNED);

        BundledServers.ReportApplied late = bundled.applyReport(CAMPAIGN, "r-2", "pci-zone",
                List.of(outcome("pci-1", ServerState.ROLLED_BACK)));
        assertThat(late.changedNothing()).isTrue();
        assertThat(late.ignored().get("pci-1")).isEqualTo("already UPGRADED from report bundle r-1");
        assertThat(remote.state()).isEqualTo(ServerState.UPGRADED);
    }

    @Test
    void aServerStillUnderWayThereIsNoOutcome() {
        BundledServers.ReportApplied applied = bundled.applyReport(CAMPAIGN, "r-1", "pci-zone",
                List.of(outcome("pci-1", ServerState.HANDOFF)));
        assertThat(applied.changedNothing()).isTrue();
        assertThat(remote.state()).isEqualTo(ServerState.PENDING_BUNDLE);
    }

    private static PlannedServer planned(String slug, String zone, Decision decision, String code) {
        return new PlannedServer(slug, slug, zone, 0, decision == Decision.UPGRADE ? 0 : -1, decision, code, "planned",
                "2025.4.9600", AT, List.of(), List.of());
    }

    private static ReportedOutcome outcome(String slug, ServerState state) {
        return new ReportedOutcome(slug, state, "UPGRADE", "from 2025.4.9600 to 2026.1.9674", "2025.4.9600",
                "2026.1.9674", null, AT.minusSeconds(60), AT);
    }
}
