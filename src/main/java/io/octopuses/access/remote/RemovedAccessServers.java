package io.octopuses.access.remote;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.octopuses.farm.ServerRemoved;

/**
 * A server removed from the farm takes its bundle records with it: the slice last sent for it (registered again, it
 * gets a new bundle) and the slice received for it (registered again, it follows this instance's desired state until
 * a new bundle arrives).
 */
@Component
class RemovedAccessServers {

    private final JdbcClient jdbc;

    RemovedAccessServers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(ServerRemoved removed) {
        jdbc.sql("delete from access_bundle_server where server_slug = ?").param(removed.serverSlug()).update();
        jdbc.sql("delete from access_received_slice where server_slug = ?").param(removed.serverSlug()).update();
    }
}
