package io.octopuses.farm.inventory;

import java.net.URI;

import org.springframework.stereotype.Component;

import io.octopuses.octopus.OctopusConnection;
import io.octopuses.security.SecretCipher;
import io.octopuses.security.SecretUnreadableException;

/**
 * Where a stored server answers and its decrypted key: only {@link io.octopuses.farm.FarmClients} and the
 * inventory itself ask, and this package is internal to the farm module (Spring Modulith keeps other modules out),
 * so no decrypted key leaves farm/.
 */
@Component
public class ServerConnections {

    private final SecretCipher cipher;

    ServerConnections(SecretCipher cipher) {
        this.cipher = cipher;
    }

    public OctopusConnection of(OctopusServer server) {
        return new OctopusConnection(URI.create(server.baseUrl()), apiKey(server));
    }

    /** The stored key, for the address it was stored with; a key no master key opens is the caller's to replace. */
    String apiKey(OctopusServer server) {
        if (!server.hasApiKey()) {
            throw FarmProblems.apiKeyRequired();
        }
        try {
            return cipher.decrypt(server.apiKeyEncrypted(), server.slug());
        } catch (SecretUnreadableException unreadable) {
            throw FarmProblems.storedKeyUnreadable(server.slug());
        }
    }
}
