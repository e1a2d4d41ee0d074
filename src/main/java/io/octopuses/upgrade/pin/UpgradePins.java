package io.octopuses.upgrade.pin;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.octopuses.farm.FarmServer;
import io.octopuses.farm.FarmServers;
import io.octopuses.octopus.OctopusVersion;
import io.octopuses.upgrade.UpgradeProblems;

/** Pins and skips: created, listed, removed, and found for a server (its registration's pinned version included). */
@Service
public class UpgradePins {

    private final UpgradePinRepository pins;
    private final FarmServers farm;
    private final Clock clock;

    UpgradePins(UpgradePinRepository pins, FarmServers farm, Clock clock) {
        this.pins = pins;
        this.farm = farm;
        this.clock = clock;
    }

    @Transactional
    public UpgradePin create(PinRequest request, String createdBy) {
        boolean onServer = request.server() != null && !request.server().isBlank();
        boolean onTeam = request.team() != null && !request.team().isBlank();
        if (onServer == onTeam) {
            throw UpgradeProblems.invalid("server", "A pin names exactly one of 'server' (a slug) or 'team'.",
                    "Send {\"server\": \"prod\", ...} or {\"team\": \"payments\", ...}.");
        }
        if (onServer) {
            farm.get(request.server());
        }
        String version = versionOf(request.version());
        Instant now = clock.instant();
        if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
            throw UpgradeProblems.invalid("expiresAt", "expiresAt " + request.expiresAt() + " is not in the future.",
                    "Give a later time, or leave expiresAt out for a pin that holds until removed.");
        }
        return pins.save(new UpgradePin(onServer ? UpgradePin.Scope.SERVER : UpgradePin.Scope.TEAM,
                onServer ? request.server() : request.team(), request.kind(), version, request.owner(),
                request.reason(), createdBy, now, request.expiresAt()));
    }

    @Transactional(readOnly = true)
    public List<UpgradePin> list() {
        return pins.findAllByOrderByCreatedAtDesc();
    }

    @Transactional
    public void remove(String id) {
        if (!pins.existsById(id)) {
            throw UpgradeProblems.pinNotFound(id);
        }
        pins.deleteById(id);
    }

    /** Every pin and skip that applies to the server now, its registration's pinned version first. */
    @Transactional(readOnly = true)
    public List<UpgradePin> activeFor(FarmServer server) {
        return activeFor(server, list());
    }

    /** As {@link #activeFor(FarmServer)}, from pins already read (one query for a whole plan). */
    public List<UpgradePin> activeFor(FarmServer server, List<UpgradePin> all) {
        Instant now = clock.instant();
        List<UpgradePin> active = new ArrayList<>();
        if (server.pinnedVersion() != null && !server.pinnedVersion().isBlank()) {
            active.add(UpgradePin.ofRegistration(server));
        }
        all.stream().filter(pin -> pin.isActiveAt(now) && pin.appliesTo(server)).forEach(active::add);
        return active;
    }

    private static String versionOf(String text) {
        try {
            return OctopusVersion.parse(text).text();
        } catch (IllegalArgumentException notAVersion) {
            throw UpgradeProblems.invalid("version", notAVersion.getMessage() + ".",
                    "Give an Octopus Server version such as 2026.1.9674.");
        }
    }
}
