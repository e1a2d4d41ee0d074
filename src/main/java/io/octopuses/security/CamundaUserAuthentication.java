package io.octopuses.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import io.octopuses.EngineAdapter;

/**
 * Checks API credentials against Camunda's identity service, so the users and groups an administrator keeps
 * in Camunda Admin are the ones that can call Octopuses' REST API; {@link UserAuthorities} turns their groups into roles.
 */
@Component
@EngineAdapter
class CamundaUserAuthentication implements AuthenticationProvider {

    private final IdentityService identityService;
    private final UserAuthorities authorities;

    CamundaUserAuthentication(IdentityService identityService, UserAuthorities authorities) {
        this.identityService = identityService;
        this.authorities = authorities;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || credentials == null || !identityService.checkPassword(userId, credentials.toString())) {
            throw new BadCredentialsException("Unknown user or wrong password");
        }
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities.of(userId));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
