/**
 * Upgrade executors: the pluggable ways an Octopus Server is upgraded (shell, http, octopus-runbook), started
 * by a campaign and checked on a timer, never waited for on a job thread.
 */
package io.octopuses.upgrade.executor;
