package io.octopuses.bundle;

import java.nio.file.Path;
import java.time.Clock;

import org.springframework.stereotype.Service;

/**
 * Seals and opens bundles (docs/bundle-format.md): the one API for both transports. A bundle sealed here can be
 * opened by this instance (its own key is trusted) and by every peer that trusts this instance's key.
 */
@Service
public class Bundles {

    private final InstanceKeys keys;
    private final TrustStore trust;
    private final BundleStorage storage;
    private final BundleProperties properties;
    private final Clock clock;

    Bundles(InstanceKeys keys, TrustStore trust, BundleStorage storage, BundleProperties properties, Clock clock) {
        this.keys = keys;
        this.trust = trust;
        this.storage = storage;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Writes the draft's entries and a signed manifest to {@code target} (through {@code <target>.part}, renamed
     * when complete). Each file is read once.
     */
    public SealedBundle seal(BundleDraft draft, Path target) {
        InstanceKeys.Loaded self = keys.load();
        InstanceIdentity identity = self.identity();
        return BundleWriter.seal(draft, new BundleManifest.SourceInstance(identity.instanceId(), identity.name(),
                identity.fingerprint()), self.privateKey(), clock.instant(), target);
    }

    /**
     * Opens and verifies a bundle: limits, entry paths, signature against the trust store, expiry, and every entry's
     * size and SHA-256. Not whether it was received before ({@link BundleInbox#receive} checks that). Read-only.
     *
     * @throws BundleRejectedException when a check fails; its type says which
     */
    public OpenedBundle open(Path file) {
        return BundleReader.open(file, trust, properties.limits(), clock.instant(), storage.staging(), null);
    }

    /**
     * Opens a bundle this instance sealed (signed with its own key) as {@link #open} does, but without hashing its
     * entries again now: each entry is checked against the manifest as it is read ({@link OpenedBundle#entry}). For
     * in-process delivery, where the entries were hashed as they were written. A bundle signed with any other key is
     * verified in full.
     */
    public OpenedBundle openSealedHere(Path file) {
        OpenedBundle opened = BundleReader.open(file, trust, properties.limits(), clock.instant(), false, storage.staging(), null);
        if (opened.signerFingerprint().equals(keys.identity().fingerprint())) {
            return opened;
        }
        opened.close();
        return open(file);
    }

    public InstanceIdentity instance() {
        return keys.identity();
    }
}
