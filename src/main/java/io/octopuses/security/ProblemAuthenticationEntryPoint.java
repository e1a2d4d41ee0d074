package io.octopuses.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/** Answers an unauthenticated API call with RFC 9457 problem JSON that says how to authenticate. */
@Component
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final ProblemWriter problems;

    ProblemAuthenticationEntryPoint(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException cause)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"octopuses\"");
        problems.write(response, HttpStatus.UNAUTHORIZED, "authentication-required", "Authentication required",
                "This API needs HTTP Basic credentials of a Camunda user (users are managed in Camunda Admin "
                        + "at /camunda/app/admin/; the demo uses demo/demo).",
                "Send an Authorization header with the credentials of a Camunda user.");
    }
}
