package io.octopuses.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The AES-256 master keys that encrypt secrets at rest. The current key comes from {@code octopuses.master-key}
 * ({@code OCTOPUSES_MASTER_KEY}, base64 of 32 bytes); when that is empty, from {@code <data-dir>/master.key},
 * generated once with owner-only permissions. Keys used before can be given in
 * {@code octopuses.previous-master-keys} ({@code OCTOPUSES_PREVIOUS_MASTER_KEYS}, comma-separated): what they
 * encrypted is still read, and re-encrypted under the current key at start-up. Each key has an id (an HMAC of a
 * fixed text under the key, so it tells nothing about the key) that ciphertexts carry. No key is ever logged.
 */
@Component
public class MasterKey {

    static final String FILE_NAME = "master.key";
    private static final int KEY_BYTES = 32;
    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);

    /** One master key and its id. */
    record Key(String id, SecretKey secret) {
        @Override
        public String toString() {
            return "MasterKey[" + id + "]";
        }
    }

    private final Key current;
    private final List<Key> previous;

    @Autowired
    public MasterKey(@Value("${octopuses.master-key:}") String configured,
                     @Value("${octopuses.previous-master-keys:}") List<String> previousKeys,
                     @Value("${octopuses.data-dir}") Path dataDir) {
        byte[] raw = configured.isBlank() ? fromFile(dataDir.resolve(FILE_NAME)) : decode(configured, "OCTOPUSES_MASTER_KEY");
        this.current = key(raw);
        List<Key> older = new ArrayList<>();
        for (String base64 : previousKeys) {
            if (!base64.isBlank()) {
                Key key = key(decode(base64, "OCTOPUSES_PREVIOUS_MASTER_KEYS"));
                if (!key.id().equals(current.id())) {
                    older.add(key);
                }
            }
        }
        this.previous = List.copyOf(older);
    }

    public MasterKey(String configured, Path dataDir) {
        this(configured, List.of(), dataDir);
    }

    Key current() {
        return current;
    }

    /** The current key, then the previous ones. */
    List<Key> all() {
        List<Key> all = new ArrayList<>(previous.size() + 1);
        all.add(current);
        all.addAll(previous);
        return all;
    }

    Optional<Key> byId(String id) {
        return all().stream().filter(key -> key.id().equals(id)).findFirst();
    }

    /** The ids of all keys, current first, for messages. */
    List<String> ids() {
        return all().stream().map(Key::id).toList();
    }

    private static Key key(byte[] raw) {
        SecretKey secret = new SecretKeySpec(raw, "AES");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(raw, "HmacSHA256"));
            byte[] id = mac.doFinal("octopuses master key id".getBytes(StandardCharsets.US_ASCII));
            return new Key(HexFormat.of().formatHex(id, 0, 8), secret);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }

    private static byte[] fromFile(Path file) {
        try {
            if (Files.notExists(file)) {
                generate(file);
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the master key file " + file
                    + ": make its directory writable, or set OCTOPUSES_MASTER_KEY", e);
        }
    }

    private static void generate(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] raw = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(raw);
        try {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException raced) {
            return;
        }
        Files.writeString(file, Base64.getEncoder().encodeToString(raw), StandardCharsets.US_ASCII);
        log.info("Generated a new master key in {} (owner-only); back it up: without it stored API keys cannot be read", file);
    }

    private static byte[] decode(String base64, String source) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("A master key from " + source + " is not valid base64; "
                    + "generate one with: openssl rand -base64 32");
        }
        if (raw.length != KEY_BYTES) {
            throw new IllegalStateException("A master key from " + source + " has " + raw.length
                    + " bytes; it must be 32 (AES-256). Generate one with: openssl rand -base64 32");
        }
        return raw;
    }
}
