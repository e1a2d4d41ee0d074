package io.octopuses.upgrade.plan;

import java.time.Instant;
import java.util.List;

import io.octopuses.upgrade.policy.VersionPolicy.PathStep;

/**
 * What the campaign will do to one server, and why.
 *
 * @param wave           0-based order within the ring (servers of one wave upgrade together); -1 unless UPGRADE
 * @param reasonCode     e.g. UPGRADE, PINNED, SKIPPED_VERSION, AT_TARGET, ABOVE_TARGET, DISCONNECTED, DOWNGRADE,
 *                       MAJOR_JUMP, HA_MIXED_VERSIONS, UNHEALTHY, UNREACHABLE, NOT_POLLED
 * @param reason         the same for a person, with the facts
 * @param currentVersion the version the last poll read (null when none)
 * @param polledAt       when that poll was
 * @param upgradePath    the versions to install in order (the target last; intermediate ones when the policy requires)
 * @param pins           every pin and skip that applies to the server
 */
public record PlannedServer(String slug, String name, String zone, int ring, int wave, Decision decision,
                            String reasonCode, String reason, String currentVersion, Instant polledAt,
                            List<PathStep> upgradePath, List<String> pins) {

    PlannedServer inWave(int wave) {
        return new PlannedServer(slug, name, zone, ring, wave, decision, reasonCode, reason, currentVersion, polledAt,
                upgradePath, pins);
    }
}
