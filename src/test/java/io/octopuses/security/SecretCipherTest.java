package io.octopuses.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @TempDir
    Path dataDir;

    @Test
    void roundTripsAndNeverStoresThePlaintext() {
        SecretCipher cipher = new SecretCipher(new MasterKey(KEY, dataDir));
        String stored = cipher.encrypt("API-SECRET1234567890", "dev");
        assertThat(stored).startsWith("v2:").doesNotContain("API-SECRET1234567890");
        assertThat(cipher.decrypt(stored, "dev")).isEqualTo("API-SECRET1234567890");
    }

    @Test
    void encryptingTwiceGivesDifferentCiphertexts() {
        SecretCipher cipher = new SecretCipher(new MasterKey(KEY, dataDir));
        assertThat(cipher.encrypt("API-SAME", "dev")).isNotEqualTo(cipher.encrypt("API-SAME", "dev"));
    }

    @Test
    void aCiphertextMovedToAnotherServerDoesNotDecrypt() {
        SecretCipher cipher = new SecretCipher(new MasterKey(KEY, dataDir));
        String stored = cipher.encrypt("API-SECRET", "dev");
        assertThatThrownBy(() -> cipher.decrypt(stored, "prod")).hasMessageContaining("could not be decrypted");
    }

    @Test
    void aTamperedCiphertextDoesNotDecrypt() {
        SecretCipher cipher = new SecretCipher(new MasterKey(KEY, dataDir));
        String stored = cipher.encrypt("API-SECRET", "dev");
        String prefix = stored.substring(0, stored.lastIndexOf(':') + 1);
        byte[] bytes = Base64.getDecoder().decode(stored.substring(prefix.length()));
        bytes[bytes.length - 1] ^= 1;
        String tampered = prefix + Base64.getEncoder().encodeToString(bytes);
        assertThatThrownBy(() -> cipher.decrypt(tampered, "dev")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anotherMasterKeyCannotRead() {
        String stored = new SecretCipher(new MasterKey(KEY, dataDir)).encrypt("API-SECRET", "dev");
        byte[] other = new byte[32];
        other[0] = 1;
        SecretCipher wrong = new SecretCipher(new MasterKey(Base64.getEncoder().encodeToString(other), dataDir));
        assertThatThrownBy(() -> wrong.decrypt(stored, "dev")).hasMessageContaining("master key");
    }

    @Test
    void aRotatedKeyStillReadsWhatTheOldOneWroteAndReencryptsIt() {
        String old = Base64.getEncoder().encodeToString(key(1));
        String current = Base64.getEncoder().encodeToString(key(2));
        String stored = new SecretCipher(new MasterKey(old, dataDir)).encrypt("API-SECRET", "dev");

        SecretCipher rotated = new SecretCipher(new MasterKey(current, List.of(old), dataDir));

        assertThat(rotated.isCurrent(stored)).isFalse();
        assertThat(rotated.decrypt(stored, "dev")).isEqualTo("API-SECRET");
        String reencrypted = rotated.reencrypt(stored, "dev");
        assertThat(rotated.isCurrent(reencrypted)).isTrue();
        assertThat(reencrypted).startsWith("v2:" + rotated.currentKeyId() + ":");
        assertThat(new SecretCipher(new MasterKey(current, dataDir)).decrypt(reencrypted, "dev"))
                .as("the old key is no longer needed").isEqualTo("API-SECRET");
    }

    @Test
    void aValueOfAnUnknownKeySaysWhichKeyItNeeds() {
        SecretCipher old = new SecretCipher(new MasterKey(Base64.getEncoder().encodeToString(key(1)), dataDir));
        String stored = old.encrypt("API-SECRET", "dev");
        SecretCipher other = new SecretCipher(new MasterKey(Base64.getEncoder().encodeToString(key(2)), dataDir));

        assertThatThrownBy(() -> other.decrypt(stored, "dev")).isInstanceOf(SecretUnreadableException.class)
                .hasMessageContaining(old.currentKeyId()).hasMessageContaining("OCTOPUSES_PREVIOUS_MASTER_KEYS")
                .hasMessageNotContaining("API-SECRET");
    }

    @Test
    void valuesWrittenBeforeKeyIdsAreStillRead() throws Exception {
        MasterKey master = new MasterKey(KEY, dataDir);
        javax.crypto.Cipher aes = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        byte[] iv = new byte[12];
        aes.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(new byte[32], "AES"),
                new javax.crypto.spec.GCMParameterSpec(128, iv));
        aes.updateAAD("dev".getBytes());
        byte[] sealed = aes.doFinal("API-LEGACY".getBytes());
        byte[] both = new byte[iv.length + sealed.length];
        System.arraycopy(sealed, 0, both, iv.length, sealed.length);
        String legacy = "v1:" + Base64.getEncoder().encodeToString(both);

        SecretCipher cipher = new SecretCipher(master);
        assertThat(cipher.decrypt(legacy, "dev")).isEqualTo("API-LEGACY");
        assertThat(cipher.isCurrent(legacy)).isFalse();
    }

    @Test
    void generatesTheMasterKeyOnceWithOwnerOnlyPermissions() throws Exception {
        SecretCipher first = new SecretCipher(new MasterKey("", dataDir));
        Path file = dataDir.resolve(MasterKey.FILE_NAME);
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String stored = first.encrypt("API-SECRET", "dev");
        SecretCipher second = new SecretCipher(new MasterKey("", dataDir));
        assertThat(second.decrypt(stored, "dev")).isEqualTo("API-SECRET");
    }

    private static byte[] key(int seed) {
        byte[] raw = new byte[32];
        raw[0] = (byte) seed;
        return raw;
    }

    @Test
    void rejectsAMasterKeyOfTheWrongSizeWithTheFix() {
        assertThatThrownBy(() -> new MasterKey(Base64.getEncoder().encodeToString(new byte[16]), dataDir))
                .hasMessageContaining("must be 32").hasMessageContaining("openssl rand -base64 32");
        assertThatThrownBy(() -> new MasterKey("not base64!", dataDir)).hasMessageContaining("not valid base64");
    }
}
