package io.octopuses.problem;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import io.octopuses.validation.LogSafe;

/**
 * Renders every failure of a Spring MVC call as RFC 9457 problem JSON that says what was wrong and what to do:
 * our {@link DomainException}s (their {@link ProblemKind} chooses the status), invalid and malformed bodies, and each of Spring's own exceptions (405, 406, 415,
 * missing or mistyped parameters, unknown paths...), which would otherwise answer {@code about:blank}.
 */
@RestControllerAdvice
class ApiProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);
    private static final int MAX_ECHO = 100;

    @ExceptionHandler(DomainException.class)
    ProblemDetail domainFailure(DomainException failure) {
        return ProblemBodies.body(statusOf(failure.kind()), failure);
    }

    /** The one place a domain failure becomes an HTTP status. */
    static HttpStatus statusOf(ProblemKind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case REFUSED -> HttpStatus.UNPROCESSABLE_ENTITY;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    /** Anything unforeseen: logged in full for us, told briefly to the caller (no internals, no secrets). */
    @ExceptionHandler(RuntimeException.class)
    ProblemDetail unexpected(RuntimeException failure) {
        log.error("Unexpected failure answering an API call", failure);
        return StatusProblems.of(HttpStatus.INTERNAL_SERVER_ERROR,
                "Octopuses failed to handle this request (" + failure.getClass().getSimpleName() + ").");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException invalid,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = invalid.getBindingResult().getFieldErrors().stream()
                .map(error -> error(error.getField(), error))
                .toList();
        return ResponseEntity.badRequest().body(invalidRequest(errors, "the request body is invalid", "fields"));
    }

    /** Constraints on parameters ({@code @Min} on {@code limit}...): the same shape as an invalid body. */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException invalid,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (!status.is4xxClientError()) {
            return handleExceptionInternal(invalid, null, headers, status, request);
        }
        List<Map<String, String>> errors = invalid.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> error(name(result), error)))
                .toList();
        return ResponseEntity.badRequest().body(invalidRequest(errors, "a parameter is invalid", "parameters"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException unreadable,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(MalformedBody.explain(unreadable));
    }

    /**
     * Every other exception Spring MVC raises itself arrives here with an {@code about:blank} body: give it our
     * type, a title, a detail in the API's words and the fix.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception failure, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (body == null && failure instanceof ErrorResponse response) {
            body = response.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale());
        }
        ProblemDetail problem = body instanceof ProblemDetail given ? given : ProblemDetail.forStatus(status);
        if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
            problem = explained(failure, status, problem.getDetail(), request);
        }
        if (status.is5xxServerError()) {
            log.error("Spring MVC failed to handle an API call", failure);
        }
        return super.handleExceptionInternal(failure, problem, headers, status, request);
    }

    private ProblemDetail explained(Exception failure, HttpStatusCode status, String springDetail, WebRequest request) {
        if (failure instanceof HttpRequestMethodNotSupportedException method) {
            Set<HttpMethod> supported = method.getSupportedHttpMethods();
            return StatusProblems.of(status, method.getMethod() + " is not supported on " + path(request)
                    + (supported == null || supported.isEmpty() ? "." : "; it answers " + names(supported) + "."));
        }
        if (failure instanceof HttpMediaTypeNotSupportedException media) {
            List<org.springframework.http.MediaType> supported = media.getSupportedMediaTypes();
            boolean json = supported.isEmpty() || supported.stream().anyMatch(type -> type.getSubtype().contains("json"));
            return StatusProblems.of(status, (media.getContentType() == null ? "The request has no Content-Type"
                    : "Content-Type '" + LogSafe.escape(media.getContentType(), MAX_ECHO) + "' is not accepted here")
                    + (json ? "; bodies are JSON." : "; this call takes "
                    + supported.stream().map(Object::toString).collect(Collectors.joining(", ")) + "."));
        }
        if (failure instanceof HttpMediaTypeNotAcceptableException) {
            return StatusProblems.of(status, "This endpoint answers with JSON, which the Accept header does not allow.");
        }
        if (failure instanceof MissingServletRequestParameterException missing) {
            return ProblemBodies.body(status, "missing-parameter", "Missing parameter",
                    "The required parameter '" + missing.getParameterName() + "' is missing.",
                    "Add '" + missing.getParameterName() + "' to the query (see " + StatusProblems.DOCS + ").");
        }
        if (failure instanceof MissingServletRequestPartException missing) {
            return ProblemBodies.body(status, "missing-parameter", "Missing parameter",
                    "The required part '" + missing.getRequestPartName() + "' is missing.",
                    "Send '" + missing.getRequestPartName() + "' as a part of the multipart body.");
        }
        if (failure instanceof TypeMismatchException mismatch && status.is4xxClientError()) {
            String name = mismatch.getPropertyName() == null ? "a parameter" : "'" + mismatch.getPropertyName() + "'";
            String expected = expected(mismatch.getRequiredType());
            return ProblemBodies.body(status, "invalid-parameter", "Invalid parameter",
                    name + " is '" + LogSafe.escape(mismatch.getValue(), MAX_ECHO) + "', which is not " + expected + ".",
                    "Give " + name + " as " + expected + ".");
        }
        if (failure instanceof NoResourceFoundException || failure instanceof NoHandlerFoundException) {
            return StatusProblems.of(status, "There is nothing at " + method(request) + " " + path(request) + ".");
        }
        if (status.is5xxServerError()) {
            return StatusProblems.of(status, "Octopuses failed to handle this request (" + failure.getClass().getSimpleName() + ").");
        }
        return StatusProblems.of(status, springDetail == null ? StatusProblems.title(status) + "." : springDetail);
    }

    private static ProblemDetail invalidRequest(List<Map<String, String>> errors, String fallback, String what) {
        String summary = errors.stream().map(e -> e.get("field") + " " + e.get("message"))
                .reduce((a, b) -> a + "; " + b).orElse(fallback);
        ProblemDetail body = ProblemBodies.body(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                "Invalid request: " + summary + ".",
                "Correct the " + what + " listed in 'errors' and send the request again.");
        body.setProperty("errors", errors);
        return body;
    }

    private static Map<String, String> error(String field, MessageSourceResolvable error) {
        return Map.of("field", field, "message", error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage());
    }

    private static String name(ParameterValidationResult result) {
        String name = result.getMethodParameter().getParameterName();
        if (result.getContainerIndex() != null) {
            return name + "[" + result.getContainerIndex() + "]";
        }
        return result.getContainerKey() != null ? name + "[" + result.getContainerKey() + "]" : name;
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type == Duration.class) {
            return "a duration such as 30m, 24h or 7d";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (List.of(int.class, long.class, short.class, Integer.class, Long.class, Short.class).contains(type)) {
            return "an integer";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        return "a valid value";
    }

    private static String names(Collection<HttpMethod> methods) {
        return methods.stream().map(HttpMethod::name).sorted().collect(Collectors.joining(", "));
    }

    private static String method(WebRequest request) {
        HttpServletRequest servlet = request instanceof NativeWebRequest nativeRequest
                ? nativeRequest.getNativeRequest(HttpServletRequest.class) : null;
        return servlet == null ? "" : servlet.getMethod();
    }

    private static String path(WebRequest request) {
        HttpServletRequest servlet = request instanceof NativeWebRequest nativeRequest
                ? nativeRequest.getNativeRequest(HttpServletRequest.class) : null;
        return servlet == null ? "this path" : LogSafe.escape(servlet.getRequestURI(), 200);
    }
}
