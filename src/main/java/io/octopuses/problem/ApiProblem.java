package io.octopuses.problem;

import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * A failure we explain to the caller as RFC 9457 problem JSON: a stable type, a title, a detail that names the
 * cause, and the fix. Capabilities throw it (or a subclass); {@link ApiProblemHandler} renders it.
 */
public class ApiProblem extends RuntimeException {

    private static final String TYPE_BASE = "https://octopuses.io/problems/";

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final String fix;
    private final Map<String, Object> properties;

    public ApiProblem(HttpStatus status, String type, String title, String detail, String fix) {
        this(status, type, title, detail, fix, Map.of());
    }

    public ApiProblem(HttpStatus status, String type, String title, String detail, String fix,
                      Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.fix = fix;
        this.properties = properties;
    }

    public static URI typeUri(String type) {
        return URI.create(TYPE_BASE + type);
    }

    /** The RFC 9457 body: {@code type} (under https://octopuses.io/problems/), {@code title}, {@code detail}, {@code fix}. */
    public static ProblemDetail body(HttpStatusCode status, String type, String title, String detail, String fix) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(typeUri(type));
        body.setTitle(title);
        body.setProperty("fix", fix);
        return body;
    }

    /** This problem as the body of an answer. */
    public ProblemDetail toProblemDetail() {
        ProblemDetail body = body(status, type, title, getMessage(), fix);
        properties.forEach(body::setProperty);
        return body;
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String fix() {
        return fix;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
