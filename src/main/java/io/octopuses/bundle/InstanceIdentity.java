package io.octopuses.bundle;

import java.util.UUID;

/**
 * Who this Octopuses instance is to its peers: what {@code GET /api/v1/instance} shows and what a peer adds to its
 * trust store. Never carries the private key.
 *
 * @param publicKey   base64 of the X.509 (SubjectPublicKeyInfo) encoding of the Ed25519 public key
 * @param fingerprint {@code SHA256:} and the unpadded base64 of the SHA-256 of those X.509 bytes
 */
public record InstanceIdentity(UUID instanceId, String name, String publicKey, String fingerprint) {
}
