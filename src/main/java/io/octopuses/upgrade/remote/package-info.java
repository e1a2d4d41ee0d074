/**
 * Upgrades of DISCONNECTED servers through their zones' instances (docs/upgrades.md, "Disconnected servers"): on the
 * campaign's side {@link io.octopuses.upgrade.remote.InstructionSender} (an {@code upgrade-instruction} bundle per
 * zone when a campaign starts) and {@link io.octopuses.upgrade.remote.ReportReceiver} (the report ends the
 * PENDING_BUNDLE servers); on the zone's side {@link io.octopuses.upgrade.remote.InstructionReceiver} (a local
 * campaign for the servers it calls) and {@link io.octopuses.upgrade.remote.ReportSender} (an
 * {@code upgrade-report} bundle when that campaign ends). Bundles go through the outbox only: the other zone is
 * never called. No Camunda type here: the local campaign is started through {@code UpgradeCampaigns}.
 */
package io.octopuses.upgrade.remote;
