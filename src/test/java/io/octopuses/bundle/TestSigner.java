package io.octopuses.bundle;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A signing instance for the format tests: a fresh key pair, its identity, and a trust store that trusts it alone. */
final class TestSigner {

    final KeyPair pair = Ed25519.generate();
    final InstanceIdentity identity = new InstanceIdentity(UUID.randomUUID(), "dev-zone",
            Ed25519.encode(pair.getPublic()), Ed25519.fingerprint(pair.getPublic()));
    final TrustLookup trust = fingerprint -> fingerprint.equals(identity.fingerprint())
            ? Optional.of(new TrustLookup.TrustedKey(identity.instanceId(), identity.name(), pair.getPublic()))
            : Optional.empty();

    SealedBundle seal(BundleDraft draft, Path target) {
        return BundleWriter.seal(draft, new BundleManifest.SourceInstance(identity.instanceId(), identity.name(),
                identity.fingerprint()), pair.getPrivate(), Instant.now(), target);
    }
}
