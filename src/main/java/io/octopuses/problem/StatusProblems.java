package io.octopuses.problem;

import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The type, title and fix of an error when all we know is its HTTP status: Spring's own exceptions, errors
 * forwarded to {@code /error}, requests the servlet container refuses. Types are the status's reason in kebab
 * case ({@code method-not-allowed}) except where the API already had a name ({@code authentication-required},
 * {@code internal-error}).
 */
final class StatusProblems {

    static final String DOCS = "/api/v1/docs";

    private StatusProblems() {
    }

    static ProblemDetail of(HttpStatusCode status, String detail) {
        return ProblemBodies.body(status, type(status), title(status), detail, fix(status));
    }

    static String type(HttpStatusCode status) {
        return switch (status.value()) {
            case 401 -> "authentication-required";
            case 500 -> "internal-error";
            default -> {
                HttpStatus known = HttpStatus.resolve(status.value());
                yield known == null ? "http-" + status.value() : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
            }
        };
    }

    /** Sentence case like the API's own titles: "Method not allowed". */
    static String title(HttpStatusCode status) {
        return switch (status.value()) {
            case 401 -> "Authentication required";
            case 500 -> "Internal error";
            default -> {
                HttpStatus known = HttpStatus.resolve(status.value());
                if (known == null) {
                    yield "HTTP " + status.value();
                }
                String reason = known.getReasonPhrase();
                yield reason.charAt(0) + reason.substring(1).toLowerCase(Locale.ROOT);
            }
        };
    }

    static String fix(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "Correct the request as the API description at " + DOCS + " shows and send it again.";
            case 401 -> "Send HTTP Basic credentials of a Camunda user (users are kept in Camunda Admin).";
            case 403 -> "Ask a farm admin for the role this call needs.";
            case 404 -> "Check the path: the API lives under /api/v1 (e.g. GET /api/v1/servers) and is described at " + DOCS + ".";
            case 405 -> "Use one of the methods in the Allow header; " + DOCS + " lists each path's methods.";
            case 406 -> "Accept application/json (answers) and application/problem+json (errors).";
            case 408 -> "Send the whole request promptly.";
            case 413 -> "Send a smaller request.";
            case 414, 431 -> "Send a shorter request line or fewer and shorter headers.";
            case 415 -> "Send the body as JSON with 'Content-Type: application/json'.";
            case 429 -> "Wait as the Retry-After header says, then try again.";
            case 500 -> "Try again; if it persists, the Octopuses log has the details.";
            case 503 -> "Try again in a moment.";
            default -> status.is4xxClientError()
                    ? "Correct the request as the API description at " + DOCS + " shows and send it again."
                    : "Try again; if it persists, the Octopuses log has the details.";
        };
    }
}
