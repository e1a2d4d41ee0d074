package io.octopuses.octopus.transport;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.util.unit.DataSize;

import io.octopuses.octopus.errors.OctopusApiException;
import io.octopuses.octopus.errors.OctopusAuthenticationException;
import io.octopuses.octopus.errors.OctopusConflictException;
import io.octopuses.octopus.errors.OctopusNotFoundException;
import io.octopuses.octopus.errors.OctopusRateLimitedException;
import io.octopuses.octopus.errors.OctopusResponseTooLargeException;
import io.octopuses.octopus.errors.OctopusServerErrorException;
import io.octopuses.octopus.errors.OctopusUnreachableException;
import io.octopuses.octopus.errors.OctopusValidationException;
import io.octopuses.octopus.errors.Redaction;

/**
 * Turns a failed HTTP exchange into the typed exception. Understands Octopus's error body
 * ({@code {"ErrorMessage": "...", "Errors": ["..."]}}) and falls back to the status and a short excerpt of any other
 * body (an HTML page from a proxy, JSON of another shape), so a server that is not Octopus never breaks decoding.
 */
final class OctopusErrors {

    static final int MAX_ERROR_BODY = 64 * 1024;
    private static final int EXCERPT = 200;
    private static final Pattern TAGS = Pattern.compile("(?s)<(script|style)[^>]*>.*?</\\1>|<[^>]+>");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private final ObjectMapper json;
    private final String apiKey;
    private final Clock clock;

    OctopusErrors(ObjectMapper json, String apiKey, Clock clock) {
        this.json = json;
        this.apiKey = apiKey;
        this.clock = clock;
    }

    OctopusApiException toException(int status, Map<String, Collection<String>> headers, byte[] body, String request) {
        Duration retryAfter = RetryAfter.parse(header(headers, "Retry-After"), clock).orElse(null);
        String errorMessage = null;
        List<String> errors = new ArrayList<>();
        JsonNode tree = readTree(body);
        if (tree != null && tree.isObject() && tree.path("ErrorMessage").isTextual()) {
            errorMessage = tree.get("ErrorMessage").asText();
            for (JsonNode e : tree.path("Errors")) {
                errors.add(e.isTextual() ? e.asText() : e.toString());
            }
        } else if (status >= 300 && status < 400) {
            errorMessage = "The server redirected to " + header(headers, "Location")
                    + "; register that URL as the server's base URL (redirects are not followed, to keep the API key"
                    + " on the server it was meant for)";
        } else {
            errorMessage = describe(status, body);
        }
        errorMessage = Redaction.redact(errorMessage, apiKey);
        errors.replaceAll(e -> Redaction.redact(e, apiKey));
        String where = Redaction.redact(request, apiKey);
        return switch (status) {
            case 400, 422 -> new OctopusValidationException(status, errorMessage, errors, where, retryAfter, null);
            case 401, 403 -> new OctopusAuthenticationException(status, errorMessage, errors, where, retryAfter, null);
            case 404 -> new OctopusNotFoundException(status, errorMessage, errors, where, retryAfter, null);
            case 409 -> new OctopusConflictException(status, errorMessage, errors, where, retryAfter, null);
            case 429 -> new OctopusRateLimitedException(status, errorMessage, errors, where, retryAfter, null);
            default -> status >= 500
                    ? new OctopusServerErrorException(status, errorMessage, errors, where, retryAfter, null)
                    : new OctopusApiException(status, errorMessage, errors, where, retryAfter, null);
        };
    }

    /** A 2xx answer whose body is not the JSON we expected (wrong URL, a login page, another product). */
    OctopusApiException notOctopus(int status, byte[] body, String request, Exception cause) {
        String text = "The answer is not Octopus JSON: " + excerpt(body);
        return new OctopusApiException(status, Redaction.redact(text, apiKey), List.of(),
                Redaction.redact(request, apiKey), null, null);
    }

    OctopusResponseTooLargeException tooLarge(int status, String request, DataSize limit) {
        String text = "The answer is larger than " + readable(limit)
                + " (octopuses.octopus.max-response-size) and was refused without reading it";
        return new OctopusResponseTooLargeException(status, text, Redaction.redact(request, apiKey), limit);
    }

    OctopusUnreachableException unreachable(String what, String request, Throwable cause) {
        return new OctopusUnreachableException(Redaction.redact(what, apiKey), Redaction.redact(request, apiKey), cause);
    }

    private JsonNode readTree(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (Exception notJson) {
            return null;
        }
    }

    private static String describe(int status, byte[] body) {
        if (body == null || body.length == 0) {
            return "HTTP " + status + " with an empty body";
        }
        return "HTTP " + status + ": " + excerpt(body);
    }

    /** 64MB rather than 67108864B. */
    static String readable(DataSize size) {
        long bytes = size.toBytes();
        if (bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return size.toMegabytes() + "MB";
        }
        return bytes % DataSize.ofKilobytes(1).toBytes() == 0 ? size.toKilobytes() + "KB" : bytes + "B";
    }

    static String excerpt(byte[] body) {
        if (body == null || body.length == 0) {
            return "(empty body)";
        }
        String text = new String(body, 0, Math.min(body.length, 8 * 1024), StandardCharsets.UTF_8);
        text = SPACE.matcher(TAGS.matcher(text).replaceAll(" ")).replaceAll(" ").strip();
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "…";
    }

    static String header(Map<String, Collection<String>> headers, String name) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, Collection<String>> h : headers.entrySet()) {
            if (h.getKey() != null && h.getKey().equalsIgnoreCase(name) && !h.getValue().isEmpty()) {
                return h.getValue().iterator().next();
            }
        }
        return null;
    }
}
