package io.octopuses.upgrade.executor;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This Octopuses node's name (its host name), written into the handles of the runs it starts. */
final class NodeName {

    private NodeName() {
    }

    static String current() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
