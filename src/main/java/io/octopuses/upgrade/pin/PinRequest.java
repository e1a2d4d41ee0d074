package io.octopuses.upgrade.pin;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A new pin or skip: on one {@code server} (its slug) or on every server of a {@code team}, exactly one of the two.
 *
 * @param kind      PIN (stay on {@code version}) or SKIP (never upgrade to {@code version})
 * @param version   an Octopus Server version, e.g. 2025.4.9600
 * @param owner     who answers for it (a person or a team)
 * @param reason    why, shown in plans and reports
 * @param expiresAt when it stops applying (none: until removed)
 */
public record PinRequest(String server, String team, @NotNull UpgradePin.Kind kind,
                         @NotBlank @Size(max = 40) String version, @NotBlank @Size(max = 200) String owner,
                         @Size(max = 1000) String reason, Instant expiresAt) {
}
