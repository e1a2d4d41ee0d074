package io.octopuses.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import org.springframework.stereotype.Component;

/**
 * Encrypts secrets (Octopus API keys, later signing keys) for storage with AES-256-GCM under the master key.
 * The stored form is {@code v2:<master key id>:<base64(iv || ciphertext+tag)>}, so a value says which key opens
 * it; {@code v1:<base64>} values (before key ids) are still read, with any known key. The caller passes a context
 * (e.g. the server slug) that is bound as additional authenticated data, so a ciphertext copied to another row
 * fails to decrypt.
 */
@Component
public class SecretCipher {

    private static final String V1 = "v1:";
    private static final String V2 = "v2:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final MasterKey keys;
    private final SecureRandom random = new SecureRandom();

    public SecretCipher(MasterKey keys) {
        this.keys = keys;
    }

    public String encrypt(String plaintext, String context) {
        MasterKey.Key key = keys.current();
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, key.secret(), iv, context).doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] stored = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return V2 + key.id() + ":" + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt a secret: " + e.getClass().getSimpleName(), e);
        }
    }

    /** The plaintext; a {@link SecretUnreadableException} that names the key ids when no known key opens it. */
    public String decrypt(String stored, String context) {
        if (stored != null && stored.startsWith(V2)) {
            int colon = stored.indexOf(':', V2.length());
            String id = colon < 0 ? "" : stored.substring(V2.length(), colon);
            MasterKey.Key key = keys.byId(id).orElseThrow(() -> new SecretUnreadableException(
                    "A stored secret was encrypted with master key " + id + ", which is neither the current master key nor "
                            + "one of the previous ones (known: " + String.join(", ", keys.ids()) + "). Give that key in "
                            + "OCTOPUSES_PREVIOUS_MASTER_KEYS.", null));
            return open(stored.substring(colon + 1), context, List.of(key));
        }
        if (stored != null && stored.startsWith(V1)) {
            return open(stored.substring(V1.length()), context, keys.all());
        }
        throw new SecretUnreadableException("A stored secret is not in a known format ('v2:' or 'v1:')", null);
    }

    /** Whether the value is already encrypted under the current master key. */
    public boolean isCurrent(String stored) {
        return stored != null && stored.startsWith(V2 + keys.current().id() + ":");
    }

    /** The same secret, encrypted under the current master key. */
    public String reencrypt(String stored, String context) {
        return isCurrent(stored) ? stored : encrypt(decrypt(stored, context), context);
    }

    /** The id of the current master key (safe to show: it tells nothing about the key). */
    public String currentKeyId() {
        return keys.current().id();
    }

    private String open(String base64, String context, List<MasterKey.Key> candidates) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new SecretUnreadableException("A stored secret is not valid base64", e);
        }
        if (bytes.length <= IV_BYTES) {
            throw new SecretUnreadableException("A stored secret is too short to be a ciphertext", null);
        }
        byte[] iv = new byte[IV_BYTES];
        byte[] sealed = new byte[bytes.length - IV_BYTES];
        ByteBuffer.wrap(bytes).get(iv).get(sealed);
        GeneralSecurityException last = null;
        for (MasterKey.Key key : candidates) {
            try {
                return new String(cipher(Cipher.DECRYPT_MODE, key.secret(), iv, context).doFinal(sealed), StandardCharsets.UTF_8);
            } catch (GeneralSecurityException wrongKey) {
                last = wrongKey;
            }
        }
        throw new SecretUnreadableException("A stored secret could not be decrypted with the master key"
                + (candidates.size() > 1 ? "s (" + String.join(", ", keys.ids()) + ")" : " " + candidates.get(0).id())
                + ": was the master key changed (OCTOPUSES_MASTER_KEY or <data-dir>/master.key)? Give the old one in "
                + "OCTOPUSES_PREVIOUS_MASTER_KEYS.", last);
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] iv, String context) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
