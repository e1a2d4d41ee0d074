package io.octopuses.octopus.errors;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * An Octopus call failed. Subclasses say how: {@link OctopusAuthenticationException} (401/403),
 * {@link OctopusNotFoundException} (404; {@link OctopusSpaceNotFoundException} is one: a space asked for by id or
 * name that the server lacks), {@link OctopusValidationException} (400), {@link OctopusConflictException} (409),
 * {@link OctopusRateLimitedException} (429), {@link OctopusServerErrorException} (5xx),
 * {@link OctopusResponseTooLargeException} (a JSON answer over the size limit) and
 * {@link OctopusUnreachableException} (no complete HTTP answer; {@link #status()} is 0).
 *
 * <p>Keeps Octopus's own {@code ErrorMessage} and {@code Errors[]}; the message is the error message, one line per
 * entry of {@code Errors}, then the status and request. When the server did not answer with Octopus's error shape
 * (a proxy's HTML page, say), {@link #errorMessage()} is a short excerpt of the body instead. Messages never contain
 * an API key.
 */
public class OctopusApiException extends RuntimeException {

    private final int status;
    private final String errorMessage;
    private final List<String> errors;
    private final String request;
    private final Duration retryAfter;

    public OctopusApiException(int status, String errorMessage, List<String> errors, String request) {
        this(status, errorMessage, errors, request, null, null);
    }

    public OctopusApiException(int status, String errorMessage, List<String> errors, String request,
                               Duration retryAfter, Throwable cause) {
        super(Redaction.redact(message(status, errorMessage, errors, request)), cause);
        this.status = status;
        this.errorMessage = Redaction.redact(errorMessage);
        this.errors = errors == null ? List.of() : errors.stream().map(Redaction::redact).toList();
        this.request = Redaction.redact(request);
        this.retryAfter = retryAfter;
    }

    /** The HTTP status, or 0 when no HTTP answer came back. */
    public int status() {
        return status;
    }

    /** Octopus's {@code ErrorMessage}, or a short excerpt of a body that was not Octopus's error shape. */
    public String errorMessage() {
        return errorMessage;
    }

    /** Octopus's {@code Errors[]}: one entry per problem, e.g. each failed validation rule. */
    public List<String> errors() {
        return errors;
    }

    /** Method and URL of the failed request, e.g. {@code GET https://octopus.example.com/api/Spaces-1/projects}. */
    public String request() {
        return request;
    }

    /** How long the server asked us to wait ({@code Retry-After}), when it did. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    private static String message(int status, String errorMessage, List<String> errors, String request) {
        StringBuilder out = new StringBuilder(errorMessage == null || errorMessage.isBlank()
                ? "Octopus request failed" : errorMessage.strip());
        if (errors != null) {
            for (String error : errors) {
                if (error != null && !error.isBlank() && !error.strip().equals(errorMessage)) {
                    out.append(System.lineSeparator()).append(" - ").append(error.strip());
                }
            }
        }
        out.append(System.lineSeparator()).append('(');
        out.append(status > 0 ? "HTTP " + status : "no HTTP response");
        if (request != null) {
            out.append(" from ").append(request);
        }
        return out.append(')').toString();
    }
}
