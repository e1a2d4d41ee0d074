package io.octopuses.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The AES-256 master key that encrypts secrets at rest. Taken from {@code octopuses.master-key}
 * ({@code OCTOPUSES_MASTER_KEY}, base64 of 32 bytes); when that is empty, read from
 * {@code <data-dir>/master.key}, which is generated once with owner-only permissions. The key itself is
 * never logged.
 */
@Component
public class MasterKey {

    static final String FILE_NAME = "master.key";
    private static final int KEY_BYTES = 32;
    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);

    private final SecretKey secretKey;

    public MasterKey(@Value("${octopuses.master-key:}") String configured,
                     @Value("${octopuses.data-dir}") Path dataDir) {
        byte[] raw = configured.isBlank() ? fromFile(dataDir.resolve(FILE_NAME)) : decode(configured, "OCTOPUSES_MASTER_KEY");
        this.secretKey = new SecretKeySpec(raw, "AES");
    }

    SecretKey secretKey() {
        return secretKey;
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
            throw new IllegalStateException("The master key from " + source + " is not valid base64; "
                    + "generate one with: openssl rand -base64 32");
        }
        if (raw.length != KEY_BYTES) {
            throw new IllegalStateException("The master key from " + source + " has " + raw.length
                    + " bytes; it must be 32 (AES-256). Generate one with: openssl rand -base64 32");
        }
        return raw;
    }
}
