package io.octopuses.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.octopuses.EngineAdapter;

/**
 * The demo's users, one per role, password = user id (README lists them): {@code operator}, {@code approver},
 * {@code reader}; {@code demo} is the farm admin (Camunda's admin user). Only in the {@code demo} profile.
 */
@Component
@Profile("demo")
@EngineAdapter
class DemoUsers {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private final IdentityService identity;
    private final SecurityGroups groups;

    DemoUsers(IdentityService identity, SecurityGroups groups) {
        this.identity = identity;
        this.groups = groups;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1) // after EngineAuthorizations created the groups
    void create() {
        record DemoUser(String id, String firstName, String group) {
        }
        for (DemoUser demo : List.of(new DemoUser("operator", "Olive Operator", groups.operators()),
                new DemoUser("approver", "Avery Approver", groups.approvers()),
                new DemoUser("reader", "Robin Reader", null))) {
            if (identity.createUserQuery().userId(demo.id()).count() > 0) {
                continue;
            }
            User user = identity.newUser(demo.id());
            user.setFirstName(demo.firstName().split(" ")[0]);
            user.setLastName(demo.firstName().split(" ")[1]);
            user.setEmail(demo.id() + "@octopuses.example");
            user.setPassword(demo.id());
            identity.saveUser(user);
            if (demo.group() != null) {
                identity.createMembership(demo.id(), demo.group());
            }
            log.info("Demo user '{}' created{}", demo.id(),
                    demo.group() == null ? "" : " in group " + demo.group());
        }
    }
}
