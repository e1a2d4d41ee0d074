package io.octopuses.upgrade.remote;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code octopuses.upgrade.remote.*}: upgrades of DISCONNECTED servers through their zones' instances.
 *
 * @param bundleValidity how long an instruction or report bundle is accepted after it is sealed
 */
@ConfigurationProperties("octopuses.upgrade.remote")
record RemoteUpgradeProperties(@DefaultValue("P7D") Duration bundleValidity) {
}
