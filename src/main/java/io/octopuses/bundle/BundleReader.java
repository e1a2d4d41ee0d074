package io.octopuses.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Opens a bundle and checks everything a bundle can get wrong except a replay (which needs the inbox): size limits,
 * entry paths, the signature against the trust store, the manifest, the expiry, and that the archive holds exactly
 * the manifest's entries with their sizes and SHA-256 (each entry read once). Read-only: the file is not changed
 * and nothing is extracted. Order and checks are those of docs/bundle-format.md, "Verifying a bundle".
 */
final class BundleReader {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final String MAX_SIZE = "octopuses.bundles.max-bundle-size";

    private BundleReader() {
    }

    /**
     * @param now      the time the expiry is checked against; null for a bundle received (and so fully verified)
     *                 before: then only its structure and signature are checked again, not its expiry or content
     * @param workDir  where {@link OpenedBundle#extracted} writes, in a directory of its own removed on close
     * @param progress told each entry's result as it is checked (the command line prints it); may be null
     */
    static OpenedBundle open(Path file, TrustLookup trust, BundleLimits limits, Instant now, Path workDir,
                             EntryCheckListener progress) {
        return open(file, trust, limits, now, now != null, workDir, progress);
    }

    /**
     * As above; with {@code hashContent} false the entries are not read now (each is checked as it is read,
     * {@link OpenedBundle#entry}): for a bundle this instance has just sealed, whose hashes were taken as it was
     * written.
     */
    static OpenedBundle open(Path file, TrustLookup trust, BundleLimits limits, Instant now, boolean hashContent,
                             Path workDir, EntryCheckListener progress) {
        long fileSize;
        try {
            fileSize = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("No bundle file at " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bundle file " + file + ": " + e.getMessage(), e);
        }
        if (fileSize > limits.maxBundleSize()) {
            throw BundleProblems.tooLarge("The bundle file has " + fileSize + " bytes; this instance accepts at most "
                    + limits.maxBundleSize(), MAX_SIZE);
        }
        ZipFile zip;
        try {
            zip = ZipFile.builder().setPath(file).get();
        } catch (IOException e) {
            throw BundleProblems.malformed("it is not a readable ZIP archive (" + e.getMessage() + ")");
        }
        try {
            BundleManifest manifest = verify(zip, trust, limits, now, hashContent, progress);
            return new OpenedBundle(file, zip, manifest, workDir);
        } catch (RuntimeException e) {
            closeQuietly(zip);
            throw e;
        }
    }

    /** Told about each entry as it is checked. */
    interface EntryCheckListener {
        void checked(BundleManifest.Entry entry, boolean ok);
    }

    private static BundleManifest verify(ZipFile zip, TrustLookup trust, BundleLimits limits, Instant now,
                                         boolean hashContent, EntryCheckListener progress) {
        Map<String, ZipArchiveEntry> archived = archiveEntries(zip, limits);
        ZipArchiveEntry manifestEntry = archived.remove(EntryPaths.MANIFEST);
        ZipArchiveEntry signatureEntry = archived.remove(EntryPaths.SIGNATURE);
        if (manifestEntry == null) {
            throw BundleProblems.malformed("it has no " + EntryPaths.MANIFEST);
        }
        if (signatureEntry == null) {
            throw BundleProblems.malformed("it has no " + EntryPaths.SIGNATURE + " (the manifest is not signed)");
        }
        byte[] manifestBytes = readSmall(zip, manifestEntry, limits.maxManifestSize(), true);
        byte[] signature = readSmall(zip, signatureEntry, Ed25519.SIGNATURE_BYTES, false);
        if (signature.length != Ed25519.SIGNATURE_BYTES) {
            throw BundleProblems.malformed(EntryPaths.SIGNATURE + " has " + signature.length + " bytes, not the "
                    + Ed25519.SIGNATURE_BYTES + " of an Ed25519 signature");
        }
        BundleManifest manifest = ManifestJson.read(manifestBytes);
        requireFields(manifest);
        BundleManifest.SourceInstance source = manifest.sourceInstance();
        TrustLookup.TrustedKey signer = trust.byFingerprint(source.fingerprint())
                .orElseThrow(() -> BundleProblems.untrustedSigner(source.fingerprint(), source.name(), source.id()));
        if (signer.instanceId() != null && !signer.instanceId().equals(source.id())) {
            throw BundleProblems.signerMismatch(source.fingerprint(), signer.instanceId(), source.id());
        }
        if (!Ed25519.verify(signer.key(), manifestBytes, signature)) {
            throw BundleProblems.signatureInvalid(source.fingerprint());
        }
        checkEntries(manifest, limits);
        if (now != null && now.isAfter(manifest.notAfter())) {
            throw BundleProblems.expired(manifest.bundleId(), manifest.notAfter(), now);
        }
        for (BundleManifest.Entry entry : manifest.entries()) {
            if (!archived.containsKey(entry.path())) {
                throw BundleProblems.tampered("The manifest lists the entry '" + entry.path()
                        + "', which the archive does not hold");
            }
        }
        Set<String> listed = new HashSet<>();
        manifest.entries().forEach(entry -> listed.add(entry.path()));
        for (String path : archived.keySet()) {
            if (!listed.contains(path)) {
                throw BundleProblems.tampered("The archive holds the entry '" + path + "', which the manifest does not list");
            }
        }
        if (!hashContent) {
            return manifest;
        }
        byte[] buffer = new byte[BundleWriter.BUFFER];
        for (BundleManifest.Entry entry : manifest.entries()) {
            BundleRejectedException problem = contentProblem(zip, archived.get(entry.path()), manifest.bundleId(), entry,
                    buffer);
            if (progress != null) {
                progress.checked(entry, problem == null);
            }
            if (problem != null) {
                throw problem;
            }
        }
        return manifest;
    }

    private static Map<String, ZipArchiveEntry> archiveEntries(ZipFile zip, BundleLimits limits) {
        Map<String, ZipArchiveEntry> byName = new LinkedHashMap<>();
        Set<String> keys = new HashSet<>();
        int count = 0;
        for (Enumeration<ZipArchiveEntry> all = zip.getEntries(); all.hasMoreElements(); ) {
            ZipArchiveEntry entry = all.nextElement();
            if (++count > limits.maxEntries() + 2) {
                throw BundleProblems.tooLarge("The archive has more than " + limits.maxEntries()
                        + " entries, the most this instance accepts", "octopuses.bundles.max-entries");
            }
            String name = entry.getName();
            if (!name.equals(EntryPaths.MANIFEST) && !name.equals(EntryPaths.SIGNATURE)) {
                String unsafe = EntryPaths.problem(name);
                if (unsafe != null) {
                    throw BundleProblems.unsafePath(name, unsafe);
                }
            }
            if (!keys.add(EntryPaths.collisionKey(name))) {
                throw BundleProblems.duplicateEntry(name);
            }
            byName.put(name, entry);
        }
        return byName;
    }

    private static void requireFields(BundleManifest manifest) {
        if (manifest.schemaVersion() != BundleManifest.SCHEMA_VERSION) {
            throw BundleProblems.unsupportedVersion(manifest.schemaVersion());
        }
        BundleManifest.SourceInstance source = manifest.sourceInstance();
        if (manifest.bundleId() == null || blank(manifest.kind()) || source == null || source.id() == null
                || blank(source.name()) || blank(source.fingerprint()) || blank(manifest.sourceServer())
                || manifest.createdAt() == null || manifest.notAfter() == null) {
            throw BundleProblems.malformed("manifest.json lacks one of bundleId, kind, sourceInstance {id, name, "
                    + "fingerprint}, sourceServer, createdAt, notAfter");
        }
    }

    private static void checkEntries(BundleManifest manifest, BundleLimits limits) {
        if (manifest.entries().size() > limits.maxEntries()) {
            throw BundleProblems.tooLarge("The manifest lists " + manifest.entries().size() + " entries; this instance "
                    + "accepts at most " + limits.maxEntries(), "octopuses.bundles.max-entries");
        }
        Set<String> keys = new HashSet<>();
        long total = 0;
        for (BundleManifest.Entry entry : manifest.entries()) {
            if (entry == null || entry.path() == null || entry.sha256() == null) {
                throw BundleProblems.malformed("an entry of manifest.json lacks its path or sha256");
            }
            String unsafe = EntryPaths.problem(entry.path());
            if (unsafe != null) {
                throw BundleProblems.unsafePath(entry.path(), unsafe);
            }
            if (!keys.add(EntryPaths.collisionKey(entry.path()))) {
                throw BundleProblems.duplicateEntry(entry.path());
            }
            if (!SHA256_HEX.matcher(entry.sha256()).matches() || entry.size() < 0) {
                throw BundleProblems.malformed("the entry '" + entry.path() + "' of manifest.json needs a sha256 of 64 "
                        + "lower-case hex digits and a size of 0 or more");
            }
            total += entry.size();
            if (total > limits.maxBundleSize() || total < 0) {
                throw BundleProblems.tooLarge("The entries add up to more than " + limits.maxBundleSize()
                        + " bytes, the most this instance accepts", MAX_SIZE);
            }
        }
    }

    /**
     * Why the content differs from the manifest, or null: read through the same check every later read goes through
     * ({@link VerifiedEntryStream}), at most one byte more than the listed size.
     */
    private static BundleRejectedException contentProblem(ZipFile zip, ZipArchiveEntry archived, UUID bundleId,
                                                         BundleManifest.Entry listed, byte[] buffer) {
        long size = 0;
        try (InputStream in = new VerifiedEntryStream(zip.getInputStream(archived), bundleId, listed)) {
            for (int n; (n = in.read(buffer, 0, (int) Math.min(buffer.length, listed.size() + 1 - size))) >= 0; ) {
                size += n;
            }
            return null;
        } catch (VerifiedEntryStream.EntryChangedException changed) {
            return changed.problem();
        } catch (IOException e) {
            return BundleProblems.tampered("The entry '" + listed.path() + "' cannot be read (" + e.getMessage() + ")");
        }
    }

    private static byte[] readSmall(ZipFile zip, ZipArchiveEntry entry, long max, boolean manifest) {
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) {
                if (manifest) {
                    throw BundleProblems.tooLarge(EntryPaths.MANIFEST + " is larger than " + max
                            + " bytes, the most this instance accepts", "octopuses.bundles.max-manifest-size");
                }
                throw BundleProblems.malformed(entry.getName() + " is larger than " + max + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw BundleProblems.malformed(entry.getName() + " cannot be read (" + e.getMessage() + ")");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // nothing more to do with it
        }
    }
}
