package io.octopuses.upgrade.remote;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.octopuses.bundle.BundleOutbox;
import io.octopuses.cluster.ClusterJobs;
import io.octopuses.problem.DomainException;
import io.octopuses.upgrade.campaign.BundledServers;
import io.octopuses.upgrade.campaign.CampaignServer;

/**
 * Once per cluster and hour: a DISCONNECTED server whose instruction bundle has expired without its zone's report
 * coming back becomes NO_REPORT, so a campaign's list no longer shows it waiting for ever. The zone's instance refuses
 * an expired instruction, so nothing new can start there; a report that still arrives (the zone took the instruction
 * in time) is applied all the same.
 */
@Component
public class UnansweredInstructions {

    private static final Logger log = LoggerFactory.getLogger(UnansweredInstructions.class);

    private final BundledServers bundled;
    private final BundleOutbox outbox;
    private final ClusterJobs jobs;
    private final Clock clock;

    UnansweredInstructions(BundledServers bundled, BundleOutbox outbox, ClusterJobs jobs, Clock clock) {
        this.bundled = bundled;
        this.outbox = outbox;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** One pass, if no other node makes one right now; the servers that became NO_REPORT. */
    public int markExpired() {
        int[] marked = {0};
        jobs.runOnce("upgrade-unanswered-instructions", Duration.ZERO, Duration.ofHours(1), () -> marked[0] = markNow());
        return marked[0];
    }

    private int markNow() {
        Instant now = clock.instant();
        int marked = 0;
        for (Map.Entry<String, List<CampaignServer>> instruction : bundled.awaitingReport().entrySet()) {
            Instant notAfter;
            try {
                notAfter = outbox.item(UUID.fromString(instruction.getKey())).notAfter();
            } catch (DomainException | IllegalArgumentException unknown) {
                continue; // not an outbox bundle of this instance: nothing to expire by
            }
            if (!now.isAfter(notAfter)) {
                continue;
            }
            for (CampaignServer server : instruction.getValue()) {
                if (bundled.noReport(server.campaignId(), server.serverSlug(), "no report came back from zone '"
                        + server.serverZone() + "' before instruction bundle " + instruction.getKey() + " expired on "
                        + notAfter + "; whether it was upgraded is not known here. A report that still arrives counts",
                        now)) {
                    marked++;
                }
            }
        }
        if (marked > 0) {
            log.info("{} DISCONNECTED servers are NO_REPORT: their instruction bundles expired without a report", marked);
        }
        return marked;
    }

    /** The schedule: hourly, on unless {@code octopuses.upgrade.remote.expiry-schedule} is false (tests call the pass). */
    @Component
    @ConditionalOnProperty(name = "octopuses.upgrade.remote.expiry-schedule", havingValue = "true", matchIfMissing = true)
    static class Schedule {

        private final UnansweredInstructions instructions;

        Schedule(UnansweredInstructions instructions) {
            this.instructions = instructions;
        }

        @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT1H")
        void pass() {
            try {
                instructions.markExpired();
            } catch (RuntimeException failed) {
                log.error("Marking unanswered upgrade instructions failed; the next pass tries again", failed);
            }
        }
    }
}
