package io.octopuses.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.octopuses.validation.LogSafe;

/**
 * {@code /error}, where the servlet container forwards every error that was not answered where it happened (an
 * exception in a filter, a {@code sendError} from a library): problem JSON with the original status, in place of
 * Spring Boot's BasicErrorController (whose JSON is not RFC 9457 and which answers a direct call with status 999).
 * Called directly, {@code /error} is just a path with nothing behind it: 404.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        ProblemDetail problem = problem(request);
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    static ProblemDetail problem(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (!(code instanceof Integer forwarded)) {
            return StatusProblems.of(HttpStatus.NOT_FOUND,
                    "There is nothing at " + request.getMethod() + " " + LogSafe.escape(request.getRequestURI(), 200) + ".");
        }
        HttpStatusCode status = forwarded >= 400 && forwarded <= 599 ? HttpStatusCode.valueOf(forwarded) : HttpStatus.INTERNAL_SERVER_ERROR;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? "this path" : LogSafe.escape(uri, 200);
        String detail = switch (status.value()) {
            case 401 -> path + " needs authentication.";
            case 403 -> "Access to " + path + " is forbidden.";
            case 404 -> "There is nothing at " + path + ".";
            default -> status.is5xxServerError()
                    ? "Octopuses failed to handle the request to " + path + "."
                    : "The request to " + path + " was refused (" + StatusProblems.title(status) + ").";
        };
        return StatusProblems.of(status, detail);
    }
}
