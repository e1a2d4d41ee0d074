package io.octopuses.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * This Octopuses node's name: its host name ({@code HOSTNAME}, else what the resolver says), the same on every
 * restart, different on each node of a cluster. Written where a node must recognise its own work (an upgrade run's
 * handle) or name itself (a bundle's instance name when none is configured).
 */
public final class NodeName {

    private NodeName() {
    }

    public static String current() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "octopuses";
        }
    }
}
