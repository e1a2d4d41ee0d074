package io.octopuses.bundle;

import java.security.PublicKey;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.octopuses.validation.LogSafe;

/**
 * The public keys of the peer instances whose bundles this instance opens ({@code bundle_trusted_peer}), plus its
 * own key, trusted implicitly so it can open the bundles it sealed (the in-process transport).
 */
@Service
public class TrustStore implements TrustLookup {

    private static final Logger log = LoggerFactory.getLogger(TrustStore.class);

    private final JdbcClient jdbc;
    private final InstanceKeys keys;
    private final Clock clock;

    TrustStore(JdbcClient jdbc, InstanceKeys keys, Clock clock) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.clock = clock;
    }

    /** This instance first, then the peers by name. */
    public List<TrustedPeer> list() {
        InstanceIdentity self = keys.identity();
        List<TrustedPeer> all = new ArrayList<>();
        all.add(new TrustedPeer(self.instanceId(), self.name(), self.publicKey(), self.fingerprint(), null, null, true));
        all.addAll(jdbc.sql("select instance_id, name, public_key, fingerprint, added_at, added_by from bundle_trusted_peer"
                        + " order by name, instance_id")
                .query((rs, n) -> new TrustedPeer(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6), false))
                .list());
        return all;
    }

    /**
     * Trusts the key for the instance. {@code fingerprint} is optional: when given (as copied from the peer's
     * {@code GET /api/v1/instance}) it must be the key's.
     */
    public TrustedPeer add(UUID instanceId, String name, String publicKey, String fingerprint, String addedBy) {
        PublicKey key = Ed25519.publicKey(publicKey);
        String actual = Ed25519.fingerprint(key);
        if (fingerprint != null && !fingerprint.isBlank() && !fingerprint.trim().equals(actual)) {
            throw BundleProblems.fingerprintMismatch(fingerprint.trim(), actual);
        }
        InstanceIdentity self = keys.identity();
        if (self.instanceId().equals(instanceId) || self.fingerprint().equals(actual)) {
            throw BundleProblems.ownIdentity();
        }
        TrustedPeer peer = new TrustedPeer(instanceId, name.trim(), Ed25519.encode(key), actual, clock.instant(), addedBy, false);
        try {
            jdbc.sql("insert into bundle_trusted_peer (instance_id, name, public_key, fingerprint, added_at, added_by)"
                            + " values (?, ?, ?, ?, ?, ?)")
                    .params(instanceId.toString(), peer.name(), peer.publicKey(), actual, Timestamp.from(peer.addedAt()), addedBy)
                    .update();
        } catch (DuplicateKeyException duplicate) {
            throw BundleProblems.peerExists(find(instanceId).isPresent()
                    ? "Instance " + instanceId + " is already trusted"
                    : "The key " + actual + " is already trusted for another instance");
        }
        log.info("Trusted the bundle key {} of instance '{}' {} (by {})", actual, LogSafe.escape(peer.name(), 200), instanceId,
                LogSafe.escape(addedBy, 64));
        return peer;
    }

    public void remove(UUID instanceId) {
        if (keys.identity().instanceId().equals(instanceId)) {
            throw BundleProblems.ownIdentity();
        }
        int removed = jdbc.sql("delete from bundle_trusted_peer where instance_id = ?").param(instanceId.toString()).update();
        if (removed == 0) {
            throw BundleProblems.peerNotFound(instanceId);
        }
        log.info("No longer trusting the bundles of instance {}", instanceId);
    }

    private Optional<TrustedPeer> find(UUID instanceId) {
        return list().stream().filter(peer -> peer.instanceId().equals(instanceId)).findFirst();
    }

    @Override
    public Optional<TrustedKey> byFingerprint(String fingerprint) {
        InstanceKeys.Loaded self = keys.load();
        if (self.identity().fingerprint().equals(fingerprint)) {
            return Optional.of(new TrustedKey(self.identity().instanceId(), self.identity().name(), self.publicKey()));
        }
        return jdbc.sql("select instance_id, name, public_key from bundle_trusted_peer where fingerprint = ?")
                .param(fingerprint)
                .query((rs, n) -> new TrustedKey(UUID.fromString(rs.getString(1)), rs.getString(2),
                        Ed25519.publicKey(rs.getString(3))))
                .optional();
    }
}
