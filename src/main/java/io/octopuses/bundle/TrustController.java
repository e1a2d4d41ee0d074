package io.octopuses.bundle;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.octopuses.validation.PlainText;

/** This instance's bundle identity and the peers it trusts: {@code /api/v1/instance}, {@code /api/v1/trust}. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Trust", description = "This instance's signing identity and the peer instances whose bundles it opens")
class TrustController {

    private final Bundles bundles;
    private final TrustStore trust;

    TrustController(Bundles bundles, TrustStore trust) {
        this.bundles = bundles;
        this.trust = trust;
    }

    @GetMapping("/instance")
    @Operation(summary = "This instance's identity: what a peer adds to its trust store (POST /api/v1/trust)")
    InstanceIdentity instance() {
        return bundles.instance();
    }

    @GetMapping("/trust")
    @Operation(summary = "The trusted instances, this one first (self=true); also the trust file of 'bundle verify --trust'")
    List<TrustedPeer> list() {
        return trust.list();
    }

    /**
     * A peer's identity, as its {@code GET /api/v1/instance} shows it; the fingerprint is optional and checked when
     * given.
     */
    record TrustRequest(@NotNull UUID instanceId, @NotBlank @Size(max = 200) @PlainText String name,
                        @NotBlank @Size(max = 2000) String publicKey, @Size(max = 100) String fingerprint) {
    }

    @PostMapping("/trust")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Trust a peer instance's key (paste its GET /api/v1/instance); answers with the key's fingerprint")
    ResponseEntity<TrustedPeer> add(@Valid @RequestBody TrustRequest request, Authentication caller) {
        TrustedPeer peer = trust.add(request.instanceId(), request.name(), request.publicKey(), request.fingerprint(),
                caller.getName());
        return ResponseEntity.created(URI.create("/api/v1/trust/" + peer.instanceId())).body(peer);
    }

    @DeleteMapping("/trust/{instanceId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Stop trusting a peer: its bundles are refused from now on (received ones are kept)")
    void remove(@PathVariable UUID instanceId) {
        trust.remove(instanceId);
    }
}
