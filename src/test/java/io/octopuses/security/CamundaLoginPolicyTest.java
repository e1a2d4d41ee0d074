package io.octopuses.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.octopuses.OctopusesTest;

/** Camunda's per-user lockout is off in the running engine, and a first admin it once locked is freed at start-up. */
@OctopusesTest
@Tag("database")
class CamundaLoginPolicyTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void wrongPasswordsNeitherDelayNorLockTheUser() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getLoginDelayBase()).isZero();
        assertThat(configuration.getLoginDelayMaxTime()).isZero();
        assertThat(configuration.getLoginMaxAttempts()).isEqualTo(Integer.MAX_VALUE);
        user("lockme");

        // Camunda's defaults: refused for 3 s after the first wrong password, locked for good after the tenth
        for (int i = 0; i < 25; i++) {
            assertThat(identity.checkPassword("lockme", "wrong-" + i)).isFalse();
            assertThat(identity.checkPassword("lockme", "right-password")).as("right after wrong try " + i).isTrue();
        }
        for (int i = 0; i < 25; i++) {
            identity.checkPassword("lockme", "wrong-" + i);
        }
        assertThat(identity.checkPassword("lockme", "right-password")).isTrue();
    }

    @Test
    void theFirstAdminLockedUnderTheOldSettingsIsUnlockedAtStartUp() {
        user("oldadmin");
        jdbc.update("update ACT_ID_USER set ATTEMPTS_ = 10, LOCK_EXP_TIME_ = ? where ID_ = 'oldadmin'",
                Timestamp.from(Instant.now().plus(3650, ChronoUnit.DAYS)));
        assertThat(identity.checkPassword("oldadmin", "right-password")).as("locked").isFalse();

        new CamundaLoginPolicy("oldadmin").postProcessEngineBuild(engine);

        assertThat(identity.checkPassword("oldadmin", "right-password")).isTrue();
        assertThat(jdbc.queryForObject("select ATTEMPTS_ from ACT_ID_USER where ID_ = 'oldadmin'", Integer.class)).isZero();
    }

    @Test
    void anUnknownOrUnsetFirstAdminIsNoProblem() {
        new CamundaLoginPolicy("").postProcessEngineBuild(engine);
        new CamundaLoginPolicy("nosuchadmin").postProcessEngineBuild(engine);
        assertThat(identity.createUserQuery().userId("nosuchadmin").count()).isZero();
    }

    private void user(String id) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setPassword("right-password");
            identity.saveUser(user);
        }
    }
}
