package io.octopuses.security;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

import io.octopuses.problem.ApiProblem;

/** Answers a call the user's roles do not allow with RFC 9457 problem JSON that names the role needed. */
@Component
class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    private final ObjectMapper objectMapper;
    private final SecurityGroups groups;

    ProblemAccessDeniedHandler(ObjectMapper objectMapper, SecurityGroups groups) {
        this.objectMapper = objectMapper;
        this.groups = groups;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "Your roles do not allow " + request.getMethod() + " " + request.getRequestURI() + ".");
        problem.setType(ApiProblem.typeUri("forbidden"));
        problem.setTitle("Forbidden");
        problem.setProperty("fix", "Reading needs any account; polling servers and starting or cancelling processes "
                + "need the operators group ('" + groups.operators() + "'); changing the farm needs the farm admins "
                + "group ('" + groups.admins() + "'). Ask a farm admin to add you in Camunda Admin.");
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
