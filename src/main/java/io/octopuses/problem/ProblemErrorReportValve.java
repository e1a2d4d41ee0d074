package io.octopuses.problem;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat's last word on an error nobody else answered, as problem JSON instead of Tomcat's HTML page (which
 * names the server and its version). It speaks mostly for requests Tomcat refuses before any servlet sees them:
 * {@code %00}, an encoded {@code /} or {@code \}, a broken {@code %}-escape in the path. Like Tomcat's own valve it
 * writes nothing when the answer already has a body or the status is below 400.
 */
class ProblemErrorReportValve extends ErrorReportValve {

    static final String MALFORMED_REQUEST = "malformed-request";

    private final ObjectMapper json;

    ProblemErrorReportValve(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json.writeValueAsString(problem(status)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the answer already started: there is nobody left to tell
        }
    }

    static ProblemDetail problem(int status) {
        if (status == HttpStatus.BAD_REQUEST.value()) {
            return ProblemBodies.body(HttpStatus.BAD_REQUEST, MALFORMED_REQUEST, "Malformed request",
                    "The request line or a header is not acceptable HTTP, so the request was refused before it was "
                            + "read (for example %00, an encoded '/' or '\\' (%2F, %5C), or a '%' not followed by two "
                            + "hex digits in the path).",
                    "Percent-encode the path as RFC 3986 says: no NUL, no encoded slash or backslash, '%' only as "
                            + "the start of %XX. Server slugs need no encoding at all.");
        }
        HttpStatusCode code = status <= 599 ? HttpStatusCode.valueOf(status) : HttpStatus.INTERNAL_SERVER_ERROR;
        return StatusProblems.of(code, code.is5xxServerError()
                ? "Octopuses failed to handle this request." : "The request was refused (" + StatusProblems.title(code) + ").");
    }
}
