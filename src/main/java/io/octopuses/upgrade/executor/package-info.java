/**
 * Upgrade executors: the pluggable ways an Octopus Server is upgraded (shell, http, octopus-runbook), started
 * by a campaign and checked on a timer, never waited for on a job thread.
 *
 * <p>{@link io.octopuses.upgrade.executor.UpgradeExecutors} picks a server's executor and settings from
 * {@code octopuses.upgrade.executors} (server, then zone, then default) and checks the configuration at start-up; an
 * executor that can tell bad settings early implements {@code SettingsCheck}. Template values reach commands
 * shell-quoted and bodies JSON-escaped ({@code Placeholders}); configured secrets are masked in every output
 * ({@code Secrets}). See docs/upgrades.md.
 */
package io.octopuses.upgrade.executor;
