package io.octopuses.access.web;

import java.time.Instant;
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

import io.octopuses.access.AccessProblems;
import io.octopuses.access.desired.DesiredState;
import io.octopuses.access.desired.DesiredStateVersion;
import io.octopuses.access.desired.DesiredStates;
import io.octopuses.access.desired.StoredState;
import io.octopuses.access.desired.Validation;

/**
 * The farm's desired identity and access as one document, in JSON or YAML ({@code ?format=yaml} or
 * {@code Accept: application/yaml}; a YAML body with {@code Content-Type: application/yaml}). The version is the ETag;
 * {@code If-Match} on an import guards against overwriting someone else's change.
 */
@RestController
@RequestMapping("/api/v1/access/desired-state")
@Tag(name = "Access")
class DesiredStateController {

    private static final VersionedDocument DOCUMENT = new VersionedDocument("desired-state",
            "/api/v1/access/desired-state", AccessProblems::invalid);

    private final DesiredStates states;

    DesiredStateController(DesiredStates states) {
        this.states = states;
    }

    @GetMapping(produces = {MediaType.APPLICATION_JSON_VALUE, "application/yaml"})
    @Operation(summary = "The current desired state (version 0 and no teams before the first import); the ETag is its version")
    ResponseEntity<DesiredState> current(@RequestParam(required = false) String format) {
        return document(states.current(), format);
    }

    @PutMapping(consumes = {MediaType.APPLICATION_JSON_VALUE, "application/yaml"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace the whole desired state (farm admins): validated against the farm, stored as the next version, or refused with every error's path")
    ResponseEntity<Imported> replace(@RequestBody DesiredState state,
                                     @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                     Authentication caller) {
        DesiredStates.ImportResult result = states.importState(state, DOCUMENT.expectedVersion(ifMatch), caller.getName());
        StoredState stored = result.stored();
        Validation validation = result.validation();
        return ResponseEntity.ok().eTag(VersionedDocument.etag(stored.version()))
                .body(new Imported(stored.version(), stored.changed(), stored.changedBy(), stored.changedAt(),
                        stored.state().teams().size(), validation.warnings(), validation.servers()));
    }

    @PostMapping(path = "/validate", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/yaml"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Validate a desired state against the farm without storing it")
    Checked validate(@RequestBody DesiredState state) {
        Validation validation = states.validate(state);
        return new Checked(validation.isValid(), validation.errors(), validation.warnings(), validation.servers());
    }

    @GetMapping(path = "/history", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every stored version, newest first")
    List<VersionView> history() {
        return states.history().stream().map(VersionView::of).toList();
    }

    @GetMapping(path = "/history/{version}", produces = {MediaType.APPLICATION_JSON_VALUE, "application/yaml"})
    @Operation(summary = "One stored version's document")
    ResponseEntity<DesiredState> version(@PathVariable long version, @RequestParam(required = false) String format) {
        return document(states.version(version), format);
    }

    private static ResponseEntity<DesiredState> document(StoredState stored, String format) {
        return DOCUMENT.answer(stored.version(), format, stored.state());
    }

    record Imported(long version, boolean changed, String changedBy, Instant changedAt, int teams,
                    List<Validation.Finding> warnings, List<Validation.ServerCheck> servers) {
    }

    record Checked(boolean valid, List<Validation.Finding> errors, List<Validation.Finding> warnings,
                   List<Validation.ServerCheck> servers) {
    }

    record VersionView(long version, int teams, String changedBy, Instant changedAt) {

        static VersionView of(DesiredStateVersion version) {
            return new VersionView(version.version(), version.teams(), version.changedBy(), version.changedAt());
        }
    }
}
