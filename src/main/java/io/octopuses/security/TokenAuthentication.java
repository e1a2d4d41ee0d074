package io.octopuses.security;

import java.util.Collection;
import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * A call authenticated by a personal API token ({@code Authorization: Bearer octs_...}): the token's user with the
 * same authorities a password login gets. Before authentication it carries the presented secret, which
 * {@link #eraseCredentials()} and {@link #toString()} never let out.
 */
final class TokenAuthentication extends AbstractAuthenticationToken {

    private final String userId;
    private final String tokenId;
    private String secret;

    private TokenAuthentication(String userId, String tokenId, String secret, Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.userId = userId;
        this.tokenId = tokenId;
        this.secret = secret;
    }

    static TokenAuthentication presented(String secret) {
        return new TokenAuthentication("", null, secret, List.of());
    }

    static TokenAuthentication authenticated(String userId, String tokenId, Collection<? extends GrantedAuthority> authorities) {
        TokenAuthentication authentication = new TokenAuthentication(userId, tokenId, null, authorities);
        authentication.setAuthenticated(true);
        return authentication;
    }

    /** The token this call was authenticated with, {@code null} before authentication. */
    String tokenId() {
        return tokenId;
    }

    @Override
    public Object getCredentials() {
        return secret;
    }

    @Override
    public Object getPrincipal() {
        return userId;
    }

    @Override
    public void eraseCredentials() {
        super.eraseCredentials();
        secret = null;
    }

    @Override
    public String toString() {
        return "TokenAuthentication[user=" + userId + ", token=" + tokenId + ", authenticated=" + isAuthenticated() + "]";
    }
}
