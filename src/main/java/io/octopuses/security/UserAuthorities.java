package io.octopuses.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

import io.octopuses.EngineAdapter;

/**
 * What an authenticated user may do, read from Camunda group membership on every request (so a change in
 * Camunda Admin applies at once): {@code GROUP_<id>} for each group, the {@link Role} each group carries, and
 * {@link Role#READER} for everyone.
 */
@Component
@EngineAdapter
class UserAuthorities {

    private final IdentityService identity;
    private final SecurityGroups groups;

    UserAuthorities(IdentityService identity, SecurityGroups groups) {
        this.identity = identity;
        this.groups = groups;
    }

    List<GrantedAuthority> of(String userId) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(Role.READER.authority()));
        for (Group group : identity.createGroupQuery().groupMember(userId).list()) {
            authorities.add(new SimpleGrantedAuthority("GROUP_" + group.getId()));
            Role role = groups.roleOf(group.getId());
            if (role != null) {
                authorities.add(new SimpleGrantedAuthority(role.authority()));
            }
        }
        return authorities.stream().filter(Objects::nonNull).distinct().toList();
    }

    /** Whether Camunda still knows the user: a token outlives nothing its user does not. */
    boolean exists(String userId) {
        return identity.createUserQuery().userId(userId).count() > 0;
    }
}
