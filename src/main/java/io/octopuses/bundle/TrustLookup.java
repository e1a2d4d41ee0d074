package io.octopuses.bundle;

import java.security.PublicKey;
import java.util.Optional;
import java.util.UUID;

/** Where a reader finds the key that signed a bundle: the trust store in the application, a file on the command line. */
interface TrustLookup {

    Optional<TrustedKey> byFingerprint(String fingerprint);

    /** A trusted public key and the instance it belongs to (null: any, for a key given on the command line). */
    record TrustedKey(UUID instanceId, String name, PublicKey key) {
    }
}
