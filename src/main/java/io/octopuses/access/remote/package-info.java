/**
 * Access of DISCONNECTED servers through their zones' instances (docs/access-bundles.md). On the sending side
 * {@link io.octopuses.access.remote.AccessInstructionSender} (the reconciler's {@code DisconnectedAccess}: one
 * {@code access-instruction} bundle per zone when a server's slice changed) and
 * {@link io.octopuses.access.remote.AccessReportReceiver} (the report confirms the servers); on the zone's side
 * {@link io.octopuses.access.remote.AccessInstructionReceiver} (stores the received slices, which reconciliation then applies
 * instead of the local desired state) and {@link io.octopuses.access.remote.AccessReportSender} (an {@code access-report}
 * bundle after the servers were reconciled). Bundles go through the outbox only: the other zone is never called.
 */
package io.octopuses.access.remote;
