package io.octopuses.sim;

/** One node of a (possibly highly available) simulated Octopus Server. Guarded by the server state's lock. */
final class ServerNode {

    final String id;
    final String name;
    String version;
    int maxConcurrentTasks = 5;
    boolean draining;

    ServerNode(String name, String version) {
        this.id = "OctopusServerNodes-" + name;
        this.name = name;
        this.version = version;
    }
}
