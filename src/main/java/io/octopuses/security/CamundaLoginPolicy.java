package io.octopuses.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.octopuses.EngineAdapter;

/**
 * Switches off Camunda's per-user login delay and lockout, and unlocks the first administrator at start-up.
 *
 * <p>Camunda 7.24 ({@code DbIdentityServiceProvider.checkPassword}) refuses even the right password while a user
 * is "locked": after each wrong one until {@code now + min(loginDelayBase * loginDelayFactor^(attempts-1),
 * loginDelayMaxTime)} seconds (defaults 3, 2, 60), and for good once {@code attempts >= loginMaxAttempts}
 * (default 10) until an administrator unlocks the user. Whoever knows a user name could lock that user out,
 * the only administrator included. Here a wrong password locks nobody: base and maximum delay 0 set the lock's
 * expiry to the moment of the failure (already past at the next check), factor 1 keeps the arithmetic finite,
 * and a maximum of {@link Integer#MAX_VALUE} attempts is never reached (a right password resets the count).
 * Guessing is slowed per client address instead ({@link LoginThrottle}).
 *
 * <p>Ordered last, so that no {@code camunda.bpm.generic-properties} can switch the lockout back on.
 */
@Component
@EngineAdapter
@Order(Ordered.LOWEST_PRECEDENCE)
class CamundaLoginPolicy extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(CamundaLoginPolicy.class);

    private final String firstAdmin;

    CamundaLoginPolicy(@Value("${camunda.bpm.admin-user.id:}") String firstAdmin) {
        this.firstAdmin = firstAdmin;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setLoginDelayBase(0);
        configuration.setLoginDelayMaxTime(0);
        configuration.setLoginDelayFactor(1);
        configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
    }

    /**
     * An instance upgraded from Camunda's default settings may have locked its administrator. The settings above
     * already free it (its lasting lock was the attempt count); this also clears the stored count and lock, so the
     * one account that can unlock others is never stuck, whatever the engine settings.
     */
    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        unlock(engine.getIdentityService(), firstAdmin);
    }

    static void unlock(IdentityService identity, String userId) {
        if (userId == null || userId.isBlank()) {
            return;
        }
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (user instanceof UserEntity stored && (stored.getAttempts() > 0 || stored.getLockExpirationTime() != null)) {
            identity.unlockUser(userId);
            log.info("Unlocked the first administrator {}, whom Camunda's former login lockout had locked", userId);
        }
    }
}
