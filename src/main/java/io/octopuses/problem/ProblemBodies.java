package io.octopuses.problem;

import java.net.URI;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The RFC 9457 problem bodies Octopuses answers with: a {@code type} under https://octopuses.io/problems/, a
 * title, a detail that names the cause, and a {@code fix}. For the web layer (handlers, filters, Tomcat's error
 * page); services throw {@link DomainException}.
 */
public final class ProblemBodies {

    private static final String TYPE_BASE = "https://octopuses.io/problems/";

    private ProblemBodies() {
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

    /** A domain failure as the body of an answer with {@code status}. */
    public static ProblemDetail body(HttpStatusCode status, DomainException failure) {
        ProblemDetail body = body(status, failure.type(), failure.title(), failure.getMessage(), failure.fix());
        failure.properties().forEach(body::setProperty);
        return body;
    }
}
