package io.octopuses.upgrade.web;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.octopuses.upgrade.pin.PinRequest;
import io.octopuses.upgrade.pin.UpgradePin;
import io.octopuses.upgrade.pin.UpgradePins;

/** Version pins and skips over REST. */
@RestController
@RequestMapping("/api/v1/upgrades/pins")
@Tag(name = "Upgrades")
class PinController {

    private final UpgradePins pins;

    PinController(UpgradePins pins) {
        this.pins = pins;
    }

    @GetMapping
    @Operation(summary = "Every pin and skip, expired ones included (newest first)")
    List<PinView> list() {
        return pins.list().stream().map(PinView::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Pin a server or a team's servers to a version, or make them skip one version")
    PinView create(@Valid @RequestBody PinRequest request, Authentication caller) {
        return PinView.of(pins.create(request, caller.getName()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a pin or skip")
    void remove(@PathVariable String id) {
        pins.remove(id);
    }

    record PinView(String id, String scope, String subject, String kind, String version, String owner, String reason,
                   String createdBy, Instant createdAt, Instant expiresAt) {

        static PinView of(UpgradePin pin) {
            return new PinView(pin.id(), pin.scope().name(), pin.subject(), pin.kind().name(), pin.version(),
                    pin.owner(), pin.reason(), pin.createdBy(), pin.createdAt(), pin.expiresAt());
        }
    }
}
