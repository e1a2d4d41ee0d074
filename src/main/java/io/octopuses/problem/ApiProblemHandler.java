package io.octopuses.problem;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Renders every API failure as RFC 9457 problem JSON that says what was wrong and what to do. */
@RestControllerAdvice
class ApiProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

    @ExceptionHandler(ApiProblem.class)
    ProblemDetail apiProblem(ApiProblem problem) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
        body.setType(ApiProblem.typeUri(problem.type()));
        body.setTitle(problem.title());
        body.setProperty("fix", problem.fix());
        problem.properties().forEach(body::setProperty);
        return body;
    }

    /** Anything unforeseen: logged in full for us, told briefly to the caller (no internals, no secrets). */
    @ExceptionHandler(RuntimeException.class)
    ProblemDetail unexpected(RuntimeException failure) {
        log.error("Unexpected failure answering an API call", failure);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Octopuses failed to handle this request (" + failure.getClass().getSimpleName() + ").");
        body.setType(ApiProblem.typeUri("internal-error"));
        body.setTitle("Internal error");
        body.setProperty("fix", "Try again; if it persists, the Octopuses log has the details.");
        return body;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException invalid,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = invalid.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(),
                        "message", error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage()))
                .toList();
        String summary = errors.stream().map(e -> e.get("field") + " " + e.get("message"))
                .reduce((a, b) -> a + "; " + b).orElse("the request body is invalid");
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid request: " + summary + ".");
        body.setType(ApiProblem.typeUri("invalid-request"));
        body.setTitle("Invalid request");
        body.setProperty("fix", "Correct the fields listed in 'errors' and send the request again.");
        body.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(body);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException unreadable,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body is not valid JSON for this endpoint: " + rootMessage(unreadable) + ".");
        body.setType(ApiProblem.typeUri("malformed-body"));
        body.setTitle("Malformed request body");
        body.setProperty("fix", "Send a JSON object with the documented fields (see /api/v1/docs).");
        return ResponseEntity.badRequest().body(body);
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        int location = message.indexOf(" at [Source");
        return (location > 0 ? message.substring(0, location) : message).replaceAll("\\s+", " ").trim();
    }
}
