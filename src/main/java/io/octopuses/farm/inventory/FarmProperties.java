package io.octopuses.farm.inventory;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.octopuses.octopus.OctopusVersion;

/**
 * {@code octopuses.farm.*}: the oldest Octopus version we accept, how long the check of a new server may take,
 * which addresses servers may have, and servers to register at start-up (each entry has the fields of
 * {@code POST /api/v1/servers}; from the environment e.g. {@code OCTOPUSES_FARM_BOOTSTRAP_0_SLUG},
 * {@code OCTOPUSES_FARM_BOOTSTRAP_0_BASEURL}, {@code ..._APIKEY}).
 *
 * @param verifyTimeout the whole check of a server being registered or changed (one attempt, no retry)
 * @param allowedUrls   address patterns a server may have (see {@link ServerUrlPolicy}); empty allows any
 * @param clientCacheSize how many servers' API clients are kept ready
 * @param outageRecheckAfter how long a Server outage process waits before it looks at the server again
 */
@ConfigurationProperties("octopuses.farm")
public record FarmProperties(@DefaultValue("2022.3.5512") String minimumVersion,
                      @DefaultValue("10s") Duration verifyTimeout,
                      List<String> allowedUrls,
                      @DefaultValue("1000") int clientCacheSize,
                      @DefaultValue("PT1M") Duration outageRecheckAfter,
                      List<ServerRequest> bootstrap) {

    public FarmProperties {
        bootstrap = bootstrap == null ? List.of() : List.copyOf(bootstrap);
        allowedUrls = allowedUrls == null ? List.of() : allowedUrls.stream().filter(u -> !u.isBlank()).toList();
        if (verifyTimeout == null || verifyTimeout.isNegative() || verifyTimeout.isZero()) {
            throw new IllegalArgumentException("octopuses.farm.verify-timeout must be positive, not " + verifyTimeout);
        }
    }

    OctopusVersion minimum() {
        return OctopusVersion.parse(minimumVersion);
    }
}
