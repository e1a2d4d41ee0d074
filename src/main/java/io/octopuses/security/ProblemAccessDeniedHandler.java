package io.octopuses.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** Answers a call the user's roles do not allow with RFC 9457 problem JSON that names the role needed. */
@Component
class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    private final ProblemWriter problems;
    private final SecurityGroups groups;

    ProblemAccessDeniedHandler(ProblemWriter problems, SecurityGroups groups) {
        this.problems = problems;
        this.groups = groups;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        problems.write(response, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "Your roles do not allow " + request.getMethod() + " " + request.getRequestURI() + ".",
                "Reading needs any account; polling servers and starting or cancelling processes need the operators "
                        + "group ('" + groups.operators() + "'); changing the farm needs the farm admins group ('"
                        + groups.admins() + "'). Ask a farm admin to add you in Camunda Admin.");
    }
}
