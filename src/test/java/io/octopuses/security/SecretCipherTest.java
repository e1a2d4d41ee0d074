package io.octopuses.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

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
        assertThat(stored).startsWith("v1:").doesNotContain("API-SECRET1234567890");
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
        byte[] bytes = Base64.getDecoder().decode(stored.substring(3));
        bytes[bytes.length - 1] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(bytes);
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
    void generatesTheMasterKeyOnceWithOwnerOnlyPermissions() throws Exception {
        SecretCipher first = new SecretCipher(new MasterKey("", dataDir));
        Path file = dataDir.resolve(MasterKey.FILE_NAME);
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String stored = first.encrypt("API-SECRET", "dev");
        SecretCipher second = new SecretCipher(new MasterKey("", dataDir));
        assertThat(second.decrypt(stored, "dev")).isEqualTo("API-SECRET");
    }

    @Test
    void rejectsAMasterKeyOfTheWrongSizeWithTheFix() {
        assertThatThrownBy(() -> new MasterKey(Base64.getEncoder().encodeToString(new byte[16]), dataDir))
                .hasMessageContaining("must be 32").hasMessageContaining("openssl rand -base64 32");
        assertThatThrownBy(() -> new MasterKey("not base64!", dataDir)).hasMessageContaining("not valid base64");
    }
}
