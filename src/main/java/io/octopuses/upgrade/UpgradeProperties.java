package io.octopuses.upgrade;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code octopuses.upgrade.*}: the version policy and the timings of a campaign's steps (executors are configured
 * under {@code octopuses.upgrade.executors}, docs/upgrades.md).
 *
 * @param maxMajorVersionsPerStep how many major versions (the year of {@code 2026.1.9674}) one upgrade may jump;
 *                                0 allows any jump. With 1, 2024.x goes to 2025.x before 2026.x.
 * @param availableVersions       the Octopus Server versions the upgrade-path planner may name as intermediate
 *                                steps (the latest of each major is chosen)
 * @param pollInterval            how often a draining, upgrading or restarting server is checked
 * @param healthyTimeout          how long a server may take after its executor ended to answer healthy on the new
 *                                version (every HA node) before a person is asked
 * @param approverGroups          the Camunda groups that approve a ring (default: the approvers group)
 * @param handoffGroups           the Camunda groups a failed server is handed to (default: the operators group)
 */
@ConfigurationProperties("octopuses.upgrade")
public record UpgradeProperties(@DefaultValue("0") int maxMajorVersionsPerStep,
                                @DefaultValue List<String> availableVersions,
                                @DefaultValue("PT10S") Duration pollInterval,
                                @DefaultValue("PT30M") Duration healthyTimeout,
                                @DefaultValue List<String> approverGroups,
                                @DefaultValue List<String> handoffGroups) {
}
