package io.octopuses.farm.inventory;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;

import io.octopuses.security.SecretCipher;
import io.octopuses.security.SecretUnreadableException;

/**
 * At start-up, re-encrypts every stored API key that is not under the current master key (the old key given in
 * {@code OCTOPUSES_PREVIOUS_MASTER_KEYS}), so a rotation completes by itself. If keys are stored and not one of
 * them can be opened, the master key is wrong: start-up fails and says so, rather than every poll failing. Keys
 * that cannot be opened while others can are reported; those servers can still be removed or given a new key.
 */
@Component
class ApiKeyRotation implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyRotation.class);

    private final OctopusServerRepository servers;
    private final ServerStore store;
    private final SecretCipher cipher;

    ApiKeyRotation(OctopusServerRepository servers, ServerStore store, SecretCipher cipher) {
        this.servers = servers;
        this.store = store;
        this.cipher = cipher;
    }

    @Override
    public void afterSingletonsInstantiated() {
        int stored = 0;
        int rotated = 0;
        List<String> unreadable = new ArrayList<>();
        for (OctopusServer server : servers.findAll()) {
            if (!server.hasApiKey()) {
                continue;
            }
            stored++;
            if (cipher.isCurrent(server.apiKeyEncrypted())) {
                continue;
            }
            try {
                String reencrypted = cipher.reencrypt(server.apiKeyEncrypted(), server.slug());
                if (store.replaceKeyCiphertext(server.slug(), server.rowVersion(), reencrypted)) {
                    rotated++;
                }
            } catch (SecretUnreadableException lost) {
                unreadable.add(server.slug());
            } catch (ObjectOptimisticLockingFailureException anotherNode) {
                // another node of the cluster re-encrypted it at the same moment
            }
        }
        if (stored > 0 && unreadable.size() == stored) {
            throw new IllegalStateException("None of the " + stored + " stored Octopus API keys can be decrypted with the "
                    + "master key (id " + cipher.currentKeyId() + "): OCTOPUSES_MASTER_KEY (or <data-dir>/master.key) is "
                    + "not the key they were encrypted with. Start with the master key used before; to change it, give the "
                    + "new one as OCTOPUSES_MASTER_KEY and the old one as OCTOPUSES_PREVIOUS_MASTER_KEYS (docs/security.md).");
        }
        if (rotated > 0) {
            log.info("Re-encrypted {} stored API key(s) under the current master key (id {}); the previous master key "
                    + "is no longer needed once every node runs with this one", rotated, cipher.currentKeyId());
        }
        for (String slug : unreadable) {
            log.error("The API key stored for server {} cannot be decrypted with any known master key: give the server "
                    + "its API key again (PUT /api/v1/servers/{}) or the old master key in OCTOPUSES_PREVIOUS_MASTER_KEYS", slug, slug);
        }
    }
}
