package io.octopuses.bundle;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.octopuses.problem.DomainException;
import io.octopuses.problem.ProblemKind;

/** The problems of the bundle module, in one place so each reads the same everywhere (REST, CLI, inbox folder). */
final class BundleProblems {

    private static final String ASK_AGAIN = "Ask the sender to export the bundle again and transfer it anew; "
            + "if it happens again, the transfer path changes files.";

    private BundleProblems() {
    }

    static BundleRejectedException malformed(String what) {
        return new BundleRejectedException(ProblemKind.REFUSED, "bundle-malformed", "Not a valid bundle",
                "The file is not a valid Octopuses bundle: " + what + ".",
                "Send the .bundle file exactly as an Octopuses instance exported it (docs/bundle-format.md); "
                        + "check that the transfer did not cut or convert it.");
    }

    static BundleRejectedException unsupportedVersion(int version) {
        return new BundleRejectedException(ProblemKind.REFUSED, "bundle-unsupported-version", "Unsupported bundle version",
                "The bundle has schemaVersion " + version + "; this instance reads schemaVersion "
                        + BundleManifest.SCHEMA_VERSION + " only.",
                "Upgrade this Octopuses instance, or export the bundle from an instance of the same version.");
    }

    static BundleRejectedException untrustedSigner(String fingerprint, String claimedName, UUID claimedId) {
        return new BundleRejectedException(ProblemKind.REFUSED, "bundle-untrusted-signer", "Bundle from an untrusted instance",
                "The bundle is signed by key " + fingerprint + " (instance '" + claimedName + "', " + claimedId
                        + " by its own account), which this instance does not trust.",
                "If you expect bundles from that instance, get its identity from its GET /api/v1/instance (compare the "
                        + "fingerprint with its operator over another channel) and add it with POST /api/v1/trust "
                        + "{instanceId, name, publicKey}; then send the bundle again.",
                Map.of("fingerprint", fingerprint));
    }

    static BundleRejectedException signerMismatch(String fingerprint, UUID trustedAs, UUID claimed) {
        return new BundleRejectedException(ProblemKind.REFUSED, "bundle-untrusted-signer", "Bundle signer claims another identity",
                "The bundle's key " + fingerprint + " is trusted as instance " + trustedAs + ", but the manifest says it comes "
                        + "from instance " + claimed + ".",
                "Check the trust store entry of that key (GET /api/v1/trust); a key belongs to one instance.",
                Map.of("fingerprint", fingerprint));
    }

    static BundleRejectedException signatureInvalid(String fingerprint) {
        return new BundleRejectedException(ProblemKind.REFUSED, "bundle-signature-invalid", "Bundle signature invalid",
                "The signature in manifest.sig does not match manifest.json for the trusted key " + fingerprint
                        + ": the manifest was changed after it was signed, or signed with another key.",
                ASK_AGAIN);
    }

    static BundleRejectedException tampered(String what) {
        return new BundleRejectedException(ProblemKind.REFUSED, "bundle-tampered", "Bundle content does not match its manifest",
                what + ".", ASK_AGAIN);
    }

    static BundleRejectedException duplicateEntry(String path) {
        return new BundleRejectedException(ProblemKind.REFUSED, "bundle-duplicate-entry", "Duplicate bundle entry",
                "The bundle holds the entry '" + path + "' more than once (paths are compared ignoring case).",
                "Bundles list every path once; export the bundle again with an Octopuses instance.");
    }

    static BundleRejectedException expired(UUID bundleId, Instant notAfter, Instant now) {
        return new BundleRejectedException(ProblemKind.REFUSED, "bundle-expired", "Bundle expired",
                "Bundle " + bundleId + " was valid until " + notAfter + "; it is now " + now + ".",
                "Ask the sender to export it again (a longer validity if the transfer takes long), "
                        + "or check this instance's clock.");
    }

    static BundleRejectedException replayed(UUID bundleId) {
        return new BundleRejectedException(ProblemKind.CONFLICT, "bundle-replayed", "Bundle already received",
                "Bundle " + bundleId + " was already received by this instance; each bundle is accepted once.",
                "Nothing to do if it is the same transfer sent twice (see GET /api/v1/bundles); to repeat the work, "
                        + "ask the sender for a new bundle.");
    }

    static BundleRejectedException unsafePath(String path, String why) {
        return new BundleRejectedException(ProblemKind.REFUSED, "bundle-unsafe-path", "Unsafe entry path in bundle",
                "The bundle has an entry path '" + printable(path) + "', which " + why + ".",
                "Entry paths are relative, '/'-separated, without '..', '.', backslashes, drive letters or control "
                        + "characters (docs/bundle-format.md); do not open bundles of unknown origin.");
    }

    static BundleRejectedException tooLarge(String what, String property) {
        return new BundleRejectedException(ProblemKind.REFUSED, "bundle-too-large", "Bundle too large",
                what + ".",
                "Split the content into several bundles, or raise " + property + " on this instance if such bundles "
                        + "are expected (docs/configuration.md).");
    }

    static DomainException notFound(UUID bundleId, String where) {
        return new DomainException(ProblemKind.NOT_FOUND, "bundle-not-found", "No such bundle",
                "No bundle " + bundleId + " is in the " + where + ".",
                "Check the id against GET /api/v1/bundles" + ("outbox".equals(where) ? "/outbox" : "") + ".");
    }

    static DomainException fileRemoved(UUID bundleId, Instant notAfter, Instant removedAt) {
        return new DomainException(ProblemKind.NOT_FOUND, "bundle-file-removed", "Bundle file removed",
                "The file of bundle " + bundleId + " was removed on " + removedAt + ": it expired on " + notAfter
                        + " and octopuses.bundles.retention had passed. Its record stays, so it is never accepted twice.",
                "Seal a new bundle for the same work (a new promotion, a new instruction) if it is still wanted.");
    }

    static DomainException invalidDraft(String what) {
        return new DomainException(ProblemKind.INVALID, "invalid-bundle-draft", "Invalid bundle content",
                "The bundle cannot be sealed: " + what + ".",
                "Give each entry a relative '/'-separated path once, and a validity of at least one second.");
    }

    static DomainException invalidPublicKey(String why) {
        return new DomainException(ProblemKind.INVALID, "invalid-public-key", "Invalid public key",
                "The publicKey is not an Ed25519 public key: " + why + ".",
                "Copy publicKey exactly as the peer's GET /api/v1/instance shows it (base64 of the X.509 encoding).");
    }

    static DomainException fingerprintMismatch(String given, String actual) {
        return new DomainException(ProblemKind.INVALID, "fingerprint-mismatch", "Fingerprint does not match the key",
                "The fingerprint given (" + given + ") is not the one of the publicKey (" + actual + ").",
                "Copy the peer's identity again from its GET /api/v1/instance; a mismatch means a copy error or a "
                        + "different key.");
    }

    static DomainException peerNotFound(UUID instanceId) {
        return new DomainException(ProblemKind.NOT_FOUND, "trusted-peer-not-found", "No such trusted peer",
                "No peer with instanceId " + instanceId + " is trusted.", "Check the id against GET /api/v1/trust.");
    }

    static DomainException peerExists(String what) {
        return new DomainException(ProblemKind.CONFLICT, "peer-already-trusted", "Peer already trusted",
                what + ".", "Remove the existing entry first (DELETE /api/v1/trust/{instanceId}) if the peer's key changed.");
    }

    static DomainException ownIdentity() {
        return new DomainException(ProblemKind.CONFLICT, "own-identity", "This instance's own identity",
                "This instance always trusts its own key; it cannot be added or removed.",
                "Add or remove peers only (GET /api/v1/trust lists this instance with self=true).");
    }

    /** The path with control characters shown as \\uXXXX, shortened: it came from outside. */
    static String printable(String path) {
        StringBuilder shown = new StringBuilder();
        for (char c : path.toCharArray()) {
            if (shown.length() > 200) {
                return shown + "...";
            }
            shown.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return shown.toString();
    }
}
