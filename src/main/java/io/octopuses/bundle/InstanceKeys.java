package io.octopuses.bundle;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.octopuses.cluster.NodeName;
import io.octopuses.security.SecretCipher;

/**
 * This instance's Ed25519 identity: generated on the first start and stored in {@code bundle_instance} (one row,
 * whose constant primary key makes two nodes starting together end with one identity: the second insert fails and
 * that node reads the first's). The private key is stored encrypted with the master key ({@link SecretCipher}, bound
 * to the instance id), re-encrypted when the master key changed, held decrypted only here, never logged or returned.
 * The name comes from {@code octopuses.instance.name} (the host name by default, used when the identity is made;
 * a configured name replaces the stored one at start-up).
 */
@Component
class InstanceKeys {

    private static final Logger log = LoggerFactory.getLogger(InstanceKeys.class);
    private static final String ROW = "self";
    private static final int MAX_NAME = 200;

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final Clock clock;
    private final String configuredName;
    private volatile Loaded loaded;

    /** The identity with its private key. */
    record Loaded(InstanceIdentity identity, PublicKey publicKey, PrivateKey privateKey) {
        @Override
        public String toString() {
            return "InstanceKeys.Loaded[" + identity + "]";
        }
    }

    private record Row(UUID instanceId, String name, String publicKey, String privateKeyEncrypted, String fingerprint) {
    }

    InstanceKeys(JdbcClient jdbc, SecretCipher cipher, Clock clock, @Value("${octopuses.instance.name:}") String configuredName) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
        String name = configuredName == null ? "" : configuredName.trim();
        this.configuredName = name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        InstanceIdentity identity = load().identity();
        log.info("Bundle identity of this instance: '{}' {} key {}", identity.name(), identity.instanceId(), identity.fingerprint());
    }

    InstanceIdentity identity() {
        return load().identity();
    }

    Loaded load() {
        Loaded current = loaded;
        if (current == null) {
            synchronized (this) {
                if (loaded == null) {
                    loaded = loadOrCreate();
                }
                current = loaded;
            }
        }
        return current;
    }

    /** Reads the stored identity, or generates and stores one; whoever inserts first wins. */
    Loaded loadOrCreate() {
        Row row = read().orElseGet(this::createOrReadWinner);
        String encoded = cipher.decrypt(row.privateKeyEncrypted(), context(row.instanceId()));
        PublicKey publicKey = Ed25519.publicKey(row.publicKey());
        PrivateKey privateKey = Ed25519.privateKey(encoded);
        if (!cipher.isCurrent(row.privateKeyEncrypted())) {
            jdbc.sql("update bundle_instance set private_key_encrypted = ? where singleton = ?")
                    .params(cipher.encrypt(encoded, context(row.instanceId())), ROW).update();
            log.info("Re-encrypted the instance signing key under the current master key");
        }
        String name = row.name();
        if (!configuredName.isEmpty() && !configuredName.equals(name)) {
            jdbc.sql("update bundle_instance set name = ? where singleton = ?").params(configuredName, ROW).update();
            name = configuredName;
        }
        return new Loaded(new InstanceIdentity(row.instanceId(), name, row.publicKey(), row.fingerprint()), publicKey, privateKey);
    }

    private Row createOrReadWinner() {
        KeyPair pair = Ed25519.generate();
        UUID id = UUID.randomUUID();
        String name = configuredName.isEmpty() ? NodeName.current() : configuredName;
        name = name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
        try {
            jdbc.sql("insert into bundle_instance (singleton, instance_id, name, public_key, private_key_encrypted, fingerprint,"
                            + " created_at) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(ROW, id.toString(), name, Ed25519.encode(pair.getPublic()),
                            cipher.encrypt(Ed25519.encode(pair.getPrivate()), context(id)), Ed25519.fingerprint(pair.getPublic()),
                            Timestamp.from(clock.instant()))
                    .update();
            log.info("Generated the bundle signing identity of this instance ({})", Ed25519.fingerprint(pair.getPublic()));
        } catch (DuplicateKeyException raced) {
            log.info("Another node generated the bundle signing identity first; using it");
        }
        return read().orElseThrow(() -> new IllegalStateException("The instance identity was stored but cannot be read"));
    }

    private Optional<Row> read() {
        return jdbc.sql("select instance_id, name, public_key, private_key_encrypted, fingerprint from bundle_instance"
                        + " where singleton = ?")
                .param(ROW)
                .query((rs, n) -> new Row(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .optional();
    }

    private static String context(UUID instanceId) {
        return "bundle-instance-key:" + instanceId;
    }
}
