package io.octopuses.bundle;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Ed25519 with the JDK's own provider: keys as base64 of their standard encodings (X.509 public, PKCS#8 private),
 * fingerprints as {@code SHA256:<unpadded base64 of SHA-256(X.509 bytes)>} (as OpenSSH shows keys).
 */
final class Ed25519 {

    static final String ALGORITHM = "Ed25519";
    static final int SIGNATURE_BYTES = 64;

    private Ed25519() {
    }

    static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK has no Ed25519 (Java 15 or later has it)", e);
        }
    }

    /** The public key from base64 X.509; a problem naming what is wrong otherwise. */
    static PublicKey publicKey(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw BundleProblems.invalidPublicKey("it is empty");
        }
        byte[] encoded;
        try {
            encoded = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw BundleProblems.invalidPublicKey("it is not valid base64");
        }
        try {
            PublicKey key = KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(encoded));
            if (!java.util.Arrays.equals(key.getEncoded(), encoded)) {
                throw BundleProblems.invalidPublicKey("it is not in the canonical X.509 encoding");
            }
            return key;
        } catch (InvalidKeySpecException | ClassCastException e) {
            throw BundleProblems.invalidPublicKey("it is not the X.509 encoding of an Ed25519 key (44 bytes, "
                    + "starting MCowBQYDK2VwAyEA in base64); got " + encoded.length + " bytes");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK has no Ed25519", e);
        }
    }

    static PrivateKey privateKey(String base64) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The stored instance key is not a PKCS#8 Ed25519 key", e);
        }
    }

    static String encode(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    static String encode(PrivateKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    static String fingerprint(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK has no SHA-256", e);
        }
    }

    static byte[] sign(PrivateKey key, byte[] data) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign with the instance key: " + e.getClass().getSimpleName(), e);
        }
    }

    static boolean verify(PublicKey key, byte[] data, byte[] signatureBytes) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(key);
            signature.update(data);
            return signature.verify(signatureBytes);
        } catch (SignatureException | InvalidKeyException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK has no Ed25519", e);
        }
    }
}
