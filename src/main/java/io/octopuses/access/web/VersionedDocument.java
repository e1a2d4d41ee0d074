package io.octopuses.access.web;

import java.util.Locale;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import io.octopuses.problem.DomainException;

/**
 * The HTTP side of a document kept as numbered versions (the desired state, the auth-provider standard): the version
 * as ETag, {@code ?format=json|yaml}, and the version an {@code If-Match} names.
 *
 * @param what     the document in words, for errors ({@code desired-state}, {@code standard})
 * @param readPath where the caller reads it, for errors
 * @param problem  the capability's own "unusable request" problem, given a field, a detail and a fix
 */
record VersionedDocument(String what, String readPath, Problem problem) {

    static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    /** Makes the capability's "unusable request" problem naming {@code field}. */
    interface Problem {
        DomainException of(String field, String detail, String fix);
    }

    /** 200 with the version as ETag, in the format asked for ({@code format}: json, yaml or null for Accept). */
    <T> ResponseEntity<T> answer(long version, String format, T body) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().eTag(etag(version));
        if (format != null) {
            switch (format.toLowerCase(Locale.ROOT)) {
                case "yaml", "yml" -> answer.contentType(YAML);
                case "json" -> answer.contentType(MediaType.APPLICATION_JSON);
                default -> throw problem.of("format", "Unknown format '" + format + "'.",
                        "Use format=json or format=yaml, or leave it out and send Accept: application/yaml.");
            }
        }
        return answer.body(body);
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** {@code "3"}, {@code W/"3"} or {@code 3}: the version the caller last read; {@code *} or none: whichever is current. */
    Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String value = ifMatch.trim();
        value = value.startsWith("W/") ? value.substring(2) : value;
        value = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException notAVersion) {
            throw problem.of("If-Match", "If-Match '" + ifMatch + "' is not a " + what + " version.",
                    "Send the ETag of GET " + readPath + ", e.g. If-Match: \"3\", or leave it out.");
        }
    }
}
