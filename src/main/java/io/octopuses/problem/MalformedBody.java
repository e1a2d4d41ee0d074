package io.octopuses.problem;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;

import io.octopuses.validation.LogSafe;

/**
 * Explains why a request body could not be read ({@code malformed-body}): which property or which place in the
 * text, what was expected and what came, in the API's words, never Java class names. Jackson's strict settings
 * ({@code io.octopuses.validation.StrictJson}) decide what is refused; this says so.
 */
final class MalformedBody {

    static final String TYPE = "malformed-body";
    private static final String PREFIX = "The request body is not valid JSON for this endpoint: ";
    private static final int MAX_ECHO = 60;
    /** "Cannot coerce String value ("2") to `java.lang.Integer` value": the quoted input. */
    private static final Pattern COERCED = Pattern.compile("^Cannot coerce [^(]*\\((.*)\\) to ");
    /** "... from Array value (token `JsonToken.START_ARRAY`)": the kind of input. */
    private static final Pattern TOKEN = Pattern.compile("token `JsonToken\\.(\\w+)`");

    private MalformedBody() {
    }

    private record Why(String detail, String fix) {
    }

    static ProblemDetail explain(HttpMessageNotReadableException unreadable) {
        JacksonException json = jacksonCause(unreadable);
        Why why = json == null ? withoutJson(unreadable) : explain(json);
        return ProblemBodies.body(HttpStatus.BAD_REQUEST, TYPE, "Malformed request body", PREFIX + why.detail() + ".", why.fix());
    }

    private static Why explain(JacksonException failure) {
        if (failure instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds() == null ? "" : unknown.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", "));
            return new Why("unknown property '" + path(unknown) + "'",
                    "Remove it or correct its spelling" + (known.isEmpty() ? "" : "; the properties here are: " + known)
                            + ". Read-only fields of an answer are not sent back.");
        }
        if (failure instanceof MismatchedInputException mismatch && mismatch.getOriginalMessage() != null) {
            String message = mismatch.getOriginalMessage();
            if (message.startsWith("Trailing token")) {
                return new Why("there is more after the JSON value" + at(failure.getLocation()),
                        "Send exactly one JSON value and nothing after it.");
            }
            if (message.startsWith("No content to map")) {
                return new Why("the body is empty", "Send a JSON object with the documented fields (see " + StatusProblems.DOCS + ").");
            }
            if (mismatch.getTargetType() != null) {
                String expected = kind(mismatch.getTargetType());
                if (mismatch.getPath().isEmpty()) {
                    return new Why("the body must be " + expected + ", not " + got(mismatch),
                            "Send " + expected + " with the documented fields (see " + StatusProblems.DOCS + ").");
                }
                String field = path(mismatch);
                return new Why("'" + field + "' must be " + expected + ", not " + got(mismatch),
                        "Send '" + field + "' as " + expected + " (see " + StatusProblems.DOCS + ").");
            }
        }
        if (failure instanceof StreamReadException syntax) {
            String message = syntax.getOriginalMessage() == null ? "it is not well-formed" : syntax.getOriginalMessage();
            boolean duplicate = message.startsWith("Duplicate field");
            return new Why(LogSafe.escape(firstLine(message), 200) + at(syntax.getLocation()),
                    duplicate ? "Give each property once." : "Send well-formed JSON (RFC 8259): quoted property names, "
                            + "no trailing commas, no comments, nothing after the value.");
        }
        if (failure instanceof JsonMappingException mapping && mapping.getCause() instanceof InputCoercionException range
                && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            return new Why("'" + field + "' is out of range (" + LogSafe.escape(range.getOriginalMessage(), 200) + ")",
                    "Send '" + field + "' within the documented range (see " + StatusProblems.DOCS + ").");
        }
        if (failure instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            return new Why("'" + field + "' has a value this endpoint cannot use",
                    "Send '" + field + "' as the API description at " + StatusProblems.DOCS + " shows.");
        }
        return new Why("it does not have the expected shape",
                "Send a JSON object with the documented fields (see " + StatusProblems.DOCS + ").");
    }

    private static Why withoutJson(HttpMessageNotReadableException unreadable) {
        if (unreadable.getMessage() != null && unreadable.getMessage().startsWith("Required request body is missing")) {
            return new Why("the body is missing", "Send a JSON object with the documented fields (see " + StatusProblems.DOCS + ").");
        }
        return new Why("it could not be read", "Send a JSON object encoded as UTF-8 (see " + StatusProblems.DOCS + ").");
    }

    private static JacksonException jacksonCause(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException json) {
                return json;
            }
        }
        return null;
    }

    /** {@code labels.region}, {@code items[2].name}: the client's own names, escaped. */
    private static String path(JsonMappingException failure) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : failure.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(LogSafe.escape(reference.getFieldName(), MAX_ECHO));
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** What the target type expects, in JSON terms. */
    private static String kind(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "a string";
        }
        if (List.of(int.class, long.class, short.class, byte.class, Integer.class, Long.class, Short.class, Byte.class,
                BigInteger.class).contains(type)) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class || type == BigDecimal.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type.getName().startsWith("java.time.")) {
            return "an ISO-8601 string";
        }
        return "an object";
    }

    /** What came instead, as the client wrote it. */
    private static String got(MismatchedInputException mismatch) {
        if (mismatch instanceof InvalidFormatException format) {
            Object value = format.getValue();
            if (value instanceof String text) {
                return "\"" + LogSafe.escape(text, MAX_ECHO) + "\"";
            }
            if (value instanceof Number || value instanceof Boolean) {
                return String.valueOf(value);
            }
        }
        // the parser is closed by now, so its token is gone; Jackson's message still quotes what came
        String message = mismatch.getOriginalMessage();
        if (message.contains("`null`")) {
            return "null";
        }
        Matcher coerced = COERCED.matcher(message);
        if (coerced.find()) {
            return LogSafe.escape(coerced.group(1), MAX_ECHO);
        }
        Matcher token = TOKEN.matcher(message);
        if (!token.find()) {
            return "a value of another type";
        }
        return switch (token.group(1)) {
            case "START_ARRAY" -> "an array";
            case "START_OBJECT" -> "an object";
            case "VALUE_STRING" -> "a string";
            case "VALUE_NUMBER_INT" -> "an integer";
            case "VALUE_NUMBER_FLOAT" -> "a fractional number";
            case "VALUE_TRUE", "VALUE_FALSE" -> "a boolean";
            case "VALUE_NULL" -> "null";
            default -> "a value of another type";
        };
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
