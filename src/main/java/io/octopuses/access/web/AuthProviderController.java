package io.octopuses.access.web;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

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

    private static final VersionedDocument DOCUMENT = new VersionedDocument("standard",
            "/api/v1/access/auth-providers/standard", AuthProviderProblems::invalid);

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
        StoredStandard stored = standards.replace(standard, DOCUMENT.expectedVersion(ifMatch), caller.getName());
        return ResponseEntity.ok().eTag(VersionedDocument.etag(stored.version())).body(new Stored(stored.version(), stored.changed(),
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
        return consistency.apply(slugs(servers), dryRun, caller.getName(), DOCUMENT.expectedVersion(ifMatch));
    }

    private static List<String> slugs(String servers) {
        if (servers == null || servers.isBlank()) {
            return List.of();
        }
        return Arrays.stream(servers.split(",")).map(String::trim).filter(slug -> !slug.isEmpty()).toList();
    }

    private static ResponseEntity<AuthProviderStandard> document(StoredStandard stored, String format) {
        return DOCUMENT.answer(stored.version(), format, stored.standard());
    }

    record Stored(long version, boolean changed, String changedBy, Instant changedAt, int providers) {
    }

    record VersionView(long version, int providers, String changedBy, Instant changedAt) {

        static VersionView of(StandardVersion version) {
            return new VersionView(version.version(), version.providers(), version.changedBy(), version.changedAt());
        }
    }
}
