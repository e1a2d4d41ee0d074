package io.octopuses.access.web;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.octopuses.access.providers.ApplyResult;
import io.octopuses.access.providers.AuthProviderConsistency;
import io.octopuses.access.providers.AuthProviderProblems;
import io.octopuses.access.providers.AuthProviderStandard;
import io.octopuses.access.providers.AuthProviderStandards;
import io.octopuses.access.providers.ConsistencyReport;
import io.octopuses.access.providers.StandardVersion;
import io.octopuses.access.providers.StoredStandard;

/**
 * The farm's auth-provider standard (JSON or YAML, versioned, the version as ETag and {@code If-Match}), how the
 * servers compare with it, and applying it (docs/auth-providers.md).
 */
@RestController
@RequestMapping("/api/v1/access/auth-providers")
@Tag(name = "Access")
class AuthProviderController {

    private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    private final AuthProviderStandards standards;
    private final AuthProviderConsistency consistency;

    AuthProviderController(AuthProviderStandards standards, AuthProviderConsistency consistency) {
        this.standards = standards;
        this.consistency = consistency;
    }

    @GetMapping(path = "/standard", produces = {MediaType.APPLICATION_JSON_VALUE, "application/yaml"})
    @Operation(summary = "The current auth-provider standard (version 0 and no provider before the first); the ETag is its version")
    ResponseEntity<AuthProviderStandard> standard(@RequestParam(required = false) String format) {
        return document(standards.current(), format);
    }

    @PutMapping(path = "/standard", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/yaml"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace the standard (farm admins): checked, stored as the next version, or refused with every error's path; never a secret")
    ResponseEntity<Stored> replace(@RequestBody AuthProviderStandard standard,
                                   @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                   Authentication caller) {
        StoredStandard stored = standards.replace(standard, expectedVersion(ifMatch), caller.getName());
        return ResponseEntity.ok().eTag(etag(stored.version())).body(new Stored(stored.version(), stored.changed(),
                stored.changedBy(), stored.changedAt(), stored.standard().fixed().size()));
    }

    @GetMapping(path = "/standard/history", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every stored version of the standard, newest first")
    List<VersionView> history() {
        return standards.history().stream().map(VersionView::of).toList();
    }

    @GetMapping(path = "/standard/history/{version}", produces = {MediaType.APPLICATION_JSON_VALUE, "application/yaml"})
    @Operation(summary = "One stored version of the standard")
    ResponseEntity<AuthProviderStandard> version(@PathVariable long version, @RequestParam(required = false) String format) {
        return document(standards.version(version), format);
    }

    @GetMapping(path = "/report", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "How every targeted server (or those named in servers=a,b) compares with the standard")
    ConsistencyReport report(@RequestParam(required = false) String servers) {
        return consistency.report(slugs(servers));
    }

    @PostMapping(path = "/apply", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Apply the standard (farm admins) to every targeted server or those named; dryRun=true shows exactly what would change; If-Match: the standard's version reviewed")
    ApplyResult apply(@RequestParam(required = false) String servers,
                      @RequestParam(defaultValue = "false") boolean dryRun,
                      @RequestHeader(value = "If-Match", required = false) String ifMatch, Authentication caller) {
        return consistency.apply(slugs(servers), dryRun, caller.getName(), expectedVersion(ifMatch));
    }

    private static List<String> slugs(String servers) {
        if (servers == null || servers.isBlank()) {
            return List.of();
        }
        return Arrays.stream(servers.split(",")).map(String::trim).filter(slug -> !slug.isEmpty()).toList();
    }

    private static ResponseEntity<AuthProviderStandard> document(StoredStandard stored, String format) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().eTag(etag(stored.version()));
        if (format != null) {
            switch (format.toLowerCase(Locale.ROOT)) {
                case "yaml", "yml" -> answer.contentType(YAML);
                case "json" -> answer.contentType(MediaType.APPLICATION_JSON);
                default -> throw AuthProviderProblems.invalid("format", "Unknown format '" + format + "'.",
                        "Use format=json or format=yaml, or leave it out and send Accept: application/yaml.");
            }
        }
        return answer.body(stored.standard());
    }

    private static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** {@code "3"}, {@code W/"3"} or {@code 3}: the version the caller last read; {@code *}: whichever is current. */
    private static Long expectedVersion(String ifMatch) {
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
            throw AuthProviderProblems.invalid("If-Match", "If-Match '" + ifMatch + "' is not a standard version.",
                    "Send the ETag of GET /api/v1/access/auth-providers/standard, e.g. If-Match: \"3\", or leave it out.");
        }
    }

    record Stored(long version, boolean changed, String changedBy, Instant changedAt, int providers) {
    }

    record VersionView(long version, int providers, String changedBy, Instant changedAt) {

        static VersionView of(StandardVersion version) {
            return new VersionView(version.version(), version.providers(), version.changedBy(), version.changedAt());
        }
    }
}
