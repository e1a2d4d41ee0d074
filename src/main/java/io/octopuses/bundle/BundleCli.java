package io.octopuses.bundle;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.octopuses.OfflineCommand;
import io.octopuses.problem.DomainException;

/**
 * {@code java -jar octopuses.jar bundle verify FILE [--trust PEERS.json | --public-key BASE64]}: verifies a bundle
 * offline, without starting the application (no database, no replay check). Prints the manifest, the signer, each
 * entry's check and the expiry; exits 0 when the bundle is valid, 1 when it is not (with the reason), 2 on a usage
 * error. The trust file is the JSON of {@code GET /api/v1/trust} (docs/bundle-format.md).
 */
public final class BundleCli implements OfflineCommand {

    static final String USAGE = "usage: bundle verify FILE [--trust PEERS.json | --public-key BASE64]\n"
            + "  --trust PEERS.json    the trusted keys: the JSON of GET /api/v1/trust of an Octopuses instance\n"
            + "  --public-key BASE64   trust this one key (the publicKey of the sender's GET /api/v1/instance)";

    /** For {@link java.util.ServiceLoader}; call {@link #run(String[], PrintStream, PrintStream)} otherwise. */
    public BundleCli() {
    }

    @Override
    public String name() {
        return "bundle";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        return verify(args, out, err);
    }

    /** {@code verify FILE [...]}; the exit code: 0 valid, 1 invalid, 2 usage error. */
    public static int verify(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 2 || !"verify".equals(args[0])) {
            err.println(USAGE);
            return 2;
        }
        Path file = Path.of(args[1]);
        TrustLookup trust = fingerprint -> Optional.empty();
        String trustSource = "no trusted keys given";
        try {
            for (int i = 2; i < args.length; i++) {
                String option = args[i];
                if (i + 1 >= args.length || !("--trust".equals(option) || "--public-key".equals(option))) {
                    err.println("Unknown or incomplete option '" + option + "'\n" + USAGE);
                    return 2;
                }
                String value = args[++i];
                if ("--trust".equals(option)) {
                    trust = trustFile(Path.of(value));
                    trustSource = "trust file " + value;
                } else {
                    PublicKey key = Ed25519.publicKey(value);
                    String fingerprint = Ed25519.fingerprint(key);
                    trust = given -> fingerprint.equals(given)
                            ? Optional.of(new TrustLookup.TrustedKey(null, "the key given with --public-key", key))
                            : Optional.empty();
                    trustSource = "the key given with --public-key (" + fingerprint + ")";
                }
            }
        } catch (UsageException | DomainException e) {
            err.println(e.getMessage() + "\n" + USAGE);
            return 2;
        }
        if (!Files.isRegularFile(file)) {
            err.println("No bundle file at " + file + "\n" + USAGE);
            return 2;
        }
        out.println("Verifying " + file + " against " + trustSource);
        TrustLookup lookup = trust;
        Instant now = Instant.now();
        try (OpenedBundle bundle = BundleReader.open(file, lookup, BundleLimits.DEFAULTS, now, Path.of(System.getProperty("java.io.tmpdir")),
                (entry, ok) -> out.println("  " + (ok ? "OK      " : "FAILED  ") + entry.path() + "  " + entry.size()
                        + " bytes  sha256 " + entry.sha256()))) {
            BundleManifest manifest = bundle.manifest();
            out.println("Bundle " + manifest.bundleId() + " (" + manifest.kind() + ", schemaVersion " + manifest.schemaVersion() + ")");
            out.println("  from instance '" + manifest.sourceInstance().name() + "' " + manifest.sourceInstance().id()
                    + ", server " + manifest.sourceServer());
            manifest.attributes().forEach((key, value) -> out.println("  attribute " + key + " = " + value));
            out.println("Signer: " + manifest.sourceInstance().fingerprint() + " (trusted; signature valid)");
            out.println("Entries: " + manifest.entries().size() + ", " + manifest.contentSize() + " bytes, all match the manifest");
            out.println("Created " + manifest.createdAt() + ", valid until " + manifest.notAfter() + " (now " + now + ")");
            out.println("VALID (not checked offline: whether a receiver has already received it)");
            return 0;
        } catch (BundleRejectedException rejected) {
            err.println("INVALID (" + rejected.type() + "): " + rejected.getMessage());
            err.println("What to do: " + rejected.fix());
            return 1;
        } catch (UncheckedIOException e) {
            err.println("INVALID: " + e.getMessage());
            return 1;
        }
    }

    /** The keys of a trust file: a JSON array of {instanceId, name, publicKey, ...} (GET /api/v1/trust). */
    static TrustLookup trustFile(Path file) {
        JsonNode peers;
        try {
            peers = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readTree(file.toFile());
        } catch (IOException e) {
            throw new UsageException("Cannot read the trust file " + file + ": " + e.getMessage());
        }
        if (peers == null || !peers.isArray()) {
            throw new UsageException("The trust file " + file + " is not a JSON array (save the answer of GET /api/v1/trust)");
        }
        Map<String, TrustLookup.TrustedKey> byFingerprint = new HashMap<>();
        for (JsonNode peer : peers) {
            String publicKey = peer.path("publicKey").asText(null);
            String id = peer.path("instanceId").asText(null);
            if (publicKey == null || id == null) {
                throw new UsageException("Every entry of the trust file " + file + " needs instanceId and publicKey");
            }
            PublicKey key = Ed25519.publicKey(publicKey);
            UUID instanceId;
            try {
                instanceId = UUID.fromString(id);
            } catch (IllegalArgumentException e) {
                throw new UsageException("The instanceId '" + id + "' in the trust file " + file + " is not a UUID");
            }
            byFingerprint.put(Ed25519.fingerprint(key), new TrustLookup.TrustedKey(instanceId, peer.path("name").asText(""), key));
        }
        return fingerprint -> Optional.ofNullable(byFingerprint.get(fingerprint));
    }

    /** A command line that cannot be carried out as given. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
