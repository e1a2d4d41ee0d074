package io.octopuses.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of every place that checks a password ({@code /api/v1}, {@code /engine-rest} and the Camunda webapps'
 * login): a call that tries a password from a blocked address gets 429 problem JSON with {@code Retry-After}
 * before anything checks it, and a password call answered 401 counts as a failure of its address
 * ({@link LoginThrottle}).
 *
 * <p>Calls with a bearer token are neither refused nor counted: 256 random bits cannot be guessed, so there is
 * nothing to slow down, and CI jobs behind the same address as a fumbling person (a NAT, a proxy) keep working.
 *
 * <p>The address is {@link HttpServletRequest#getRemoteAddr()}. Behind a reverse proxy that is the proxy, so
 * everyone behind it shares one budget: set {@code server.forward-headers-strategy} and trust only the proxy
 * (docs/security.md). This filter never reads {@code X-Forwarded-For} itself, which any client can forge.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    private final ProblemWriter problems;
    private final String webappAuthPath;

    /** @param webappAuthPath where the Camunda webapps' authentication resource lives, e.g. {@code /camunda/api/admin/auth/user/} */
    LoginThrottleFilter(LoginThrottle throttle, ProblemWriter problems, String webappAuthPath) {
        this.throttle = throttle;
        this.problems = problems;
        this.webappAuthPath = webappAuthPath;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!triesPassword(request)) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        Optional<Duration> blocked = throttle.blocked(address);
        if (blocked.isPresent()) {
            refuse(response, blocked.get());
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            throttle.failed(address);
        }
    }

    /** A webapp login ({@code POST .../auth/user/{engine}/login/{app}}), or a call with non-bearer credentials. */
    private boolean triesPassword(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (path.startsWith(webappAuthPath)) {
            return "POST".equals(request.getMethod()) && path.substring(webappAuthPath.length()).contains("/login/");
        }
        return request.getHeader(HttpHeaders.AUTHORIZATION) != null && !BearerTokens.presented(request);
    }

    private void refuse(HttpServletResponse response, Duration left) throws IOException {
        long seconds = Math.max(1, (left.toMillis() + 999) / 1000);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "too-many-failed-logins", "Too many failed logins",
                "Too many failed logins came from your address; logins from it are refused for another " + seconds + " seconds.",
                "Wait " + seconds + " seconds (Retry-After) and check the user name and password. Scripts and CI should use "
                        + "a personal API token (Authorization: Bearer), which is never throttled.");
    }
}
