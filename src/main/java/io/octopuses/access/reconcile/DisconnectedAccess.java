package io.octopuses.access.reconcile;

import io.octopuses.access.desired.DesiredStates;
import io.octopuses.farm.FarmServer;

/**
 * How a DISCONNECTED server's access is kept: its slice of the desired state travels to the zone's Octopuses instance
 * in a signed bundle. Without an implementation, such a server is reported PENDING and left to its zone's instance.
 */
public interface DisconnectedAccess {

    ServerReport reconcile(FarmServer server, DesiredStates.Effective desired, boolean dryRun, String actor,
                           String reason);
}
