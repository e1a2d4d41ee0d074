package io.octopuses.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/**
 * Answers an unauthenticated API call with RFC 9457 problem JSON that says how to authenticate: with a personal API
 * token, or HTTP Basic. A token that does not work is "unknown, revoked or expired" without saying which.
 */
@Component
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final ProblemWriter problems;

    ProblemAuthenticationEntryPoint(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException cause)
            throws IOException {
        boolean tokenPresented = BearerTokens.presented(request);
        response.addHeader("WWW-Authenticate", tokenPresented
                ? "Bearer realm=\"octopuses\", error=\"invalid_token\""
                : "Bearer realm=\"octopuses\"");
        response.addHeader("WWW-Authenticate", "Basic realm=\"octopuses\"");
        problems.write(response, HttpStatus.UNAUTHORIZED, "authentication-required", "Authentication required",
                tokenPresented
                        ? "The API token is unknown, revoked or expired."
                        : "This API needs a personal API token (Authorization: Bearer) or HTTP Basic credentials of a "
                                + "Camunda user (users are managed in Camunda Admin at /camunda/app/admin/; the demo uses demo/demo).",
                tokenPresented
                        ? "Create a new token with POST /api/v1/tokens (with your password) and send it as 'Authorization: Bearer <token>'."
                        : "Send 'Authorization: Bearer <token>' (create one with POST /api/v1/tokens) or HTTP Basic credentials.");
    }
}
