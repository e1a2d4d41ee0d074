package io.octopuses.security;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;

/**
 * {@code Authorization: Bearer <token>} (RFC 6750) on {@code /api/v1}: Spring Security's generic
 * {@link AuthenticationFilter} with a converter that reads the header and a manager that asks {@link ApiTokens}.
 * The result carries the token user's authorities, read from Camunda on every call like a password login's.
 * Deliberately not a bean: a {@code Filter} bean would be registered for every URL, and a second
 * {@code AuthenticationProvider} bean would stop Spring Boot from wiring {@link CamundaUserAuthentication}.
 */
final class BearerTokens {

    private static final String SCHEME = "bearer ";

    private BearerTokens() {
    }

    static AuthenticationFilter filter(ApiTokens tokens, UserAuthorities authorities, AuthenticationEntryPoint entryPoint) {
        AuthenticationManager manager = presented -> tokens.verify((String) presented.getCredentials())
                .map(token -> TokenAuthentication.authenticated(token.userId(), token.id(), authorities.of(token.userId())))
                .orElseThrow(() -> new BadCredentialsException("Unknown, revoked or expired API token"));
        AuthenticationFilter filter = new AuthenticationFilter(manager, request -> {
            String secret = secret(request);
            return secret == null ? null : TokenAuthentication.presented(secret);
        });
        filter.setSuccessHandler((request, response, authentication) -> { });
        filter.setFailureHandler(new AuthenticationEntryPointFailureHandler(entryPoint));
        return filter;
    }

    /** Whether the call presents a bearer token (not necessarily a valid one). */
    static boolean presented(HttpServletRequest request) {
        return secret(request) != null;
    }

    /** The bearer token of the call, {@code ""} for an empty one, {@code null} when it sends none. */
    static String secret(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() < SCHEME.length()
                || !header.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
            return null;
        }
        return header.substring(SCHEME.length()).trim();
    }
}
