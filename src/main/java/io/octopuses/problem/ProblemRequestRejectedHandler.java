package io.octopuses.problem;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

import io.octopuses.validation.LogSafe;

/**
 * Answers what Spring Security's StrictHttpFirewall refuses ({@code %2e%2e}, {@code ;x=1}, {@code //}, an encoded
 * slash, a control character in a header, TRACE...) with a 400 problem JSON, instead of an exception that ends in
 * Spring's default error JSON. Spring Security picks up the one {@link RequestRejectedHandler} bean.
 */
@Component
class ProblemRequestRejectedHandler implements RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemRequestRejectedHandler.class);

    private final ObjectMapper json;

    ProblemRequestRejectedHandler(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        String reason = LogSafe.escape(rejected.getMessage(), 200);
        log.debug("Refused a request the firewall does not accept: {}", reason);
        if (response.isCommitted()) {
            return;
        }
        ProblemDetail problem = ProblemBodies.body(HttpStatus.BAD_REQUEST, ProblemErrorReportValve.MALFORMED_REQUEST,
                "Malformed request",
                "The request was refused before it was read: its method, path or a header is not acceptable (" + reason + ").",
                "Send a normalised path (no '.' or '..' segments, plain or encoded as %2E; no ';'; no '//'; no encoded '/', "
                        + "'\\' or '%'), only printable characters in the path and headers, and one of the methods GET, "
                        + "HEAD, POST, PUT, PATCH, DELETE, OPTIONS.");
        response.resetBuffer();
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
