package io.octopuses.upgrade.plan;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * An upgrade campaign as asked for (and as stored with it).
 *
 * @param targetVersion         the Octopus Server version to install, e.g. 2026.1.9674
 * @param servers               which servers (none: the whole farm)
 * @param maxUnavailable        how many servers of a ring upgrade at once (default 1)
 * @param maxUnavailablePerRing the same for particular rings, by ring number
 * @param firstRing             the gate before the first ring: APPROVAL (default) or NONE
 * @param betweenRings          the gate between rings: APPROVAL (default), SOAK with a duration, or NONE
 * @param maintenanceWindow     when set, a server starts its upgrade only inside it
 * @param drainTimeout          how long a server may take to finish its tasks before a person decides (default 30 min)
 * @param backup                run the executor's backup hook before each upgrade (default false)
 */
public record CampaignRequest(@NotBlank @Size(max = 40) String targetVersion, ServerSelection servers,
                              @Min(1) Integer maxUnavailable, Map<Integer, Integer> maxUnavailablePerRing,
                              @Valid RingGate firstRing, @Valid RingGate betweenRings,
                              MaintenanceWindow maintenanceWindow, Duration drainTimeout, Boolean backup) {

    public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofMinutes(30);

    /** The request with every default filled in (what is stored and run). */
    public CampaignRequest withDefaults() {
        return new CampaignRequest(targetVersion.trim(), servers == null ? ServerSelection.all() : servers,
                maxUnavailable == null ? 1 : maxUnavailable,
                maxUnavailablePerRing == null ? Map.of() : Map.copyOf(maxUnavailablePerRing),
                firstRing == null ? RingGate.approval() : firstRing,
                betweenRings == null ? RingGate.approval() : betweenRings, maintenanceWindow,
                drainTimeout == null ? DEFAULT_DRAIN_TIMEOUT : drainTimeout, backup != null && backup);
    }

    public int maxUnavailableIn(int ring) {
        return maxUnavailablePerRing.getOrDefault(ring, maxUnavailable);
    }
}
