package io.octopuses.access.reconcile;

import java.util.List;

import io.octopuses.access.desired.DesiredStates;
import io.octopuses.farm.FarmServer;

/**
 * How DISCONNECTED servers' access is kept: their slices of the desired state travel to the zone's Octopuses
 * instance in a signed bundle. Called once per zone and run, with every DISCONNECTED server of that zone the run
 * concerns (a lock per zone keeps two nodes from sending at once). Without an implementation, such a server is
 * reported PENDING and left to its zone's instance.
 */
public interface DisconnectedAccess {

    /**
     * @param dryRun a plan: nothing is sealed, sent or stored
     * @return one report per server, in any order
     */
    List<ServerReport> reconcile(String zone, List<FarmServer> servers, DesiredStates.Effective desired, boolean dryRun,
                                 String actor, String reason);
}
