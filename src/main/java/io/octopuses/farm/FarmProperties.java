package io.octopuses.farm;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code octopuses.farm.*}: the oldest Octopus version we accept, and servers to register at start-up
 * (each entry has the fields of {@code POST /api/v1/servers}; from the environment e.g.
 * {@code OCTOPUSES_FARM_BOOTSTRAP_0_SLUG}, {@code OCTOPUSES_FARM_BOOTSTRAP_0_BASEURL}, {@code ..._APIKEY}).
 */
@ConfigurationProperties("octopuses.farm")
record FarmProperties(@DefaultValue("2022.3.5512") String minimumVersion, List<ServerRequest> bootstrap) {

    FarmProperties {
        bootstrap = bootstrap == null ? List.of() : List.copyOf(bootstrap);
    }

    OctopusVersion minimum() {
        return OctopusVersion.parse(minimumVersion);
    }
}
