package io.octopuses.bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Bundles over REST: upload into the inbox, list it, list and download the outbox. */
@RestController
@RequestMapping("/api/v1/bundles")
@Tag(name = "Bundles", description = "Signed archives that carry work and results between Octopuses instances")
class BundleController {

    private final BundleInbox inbox;
    private final BundleOutbox outbox;

    BundleController(BundleInbox inbox, BundleOutbox outbox) {
        this.inbox = inbox;
        this.outbox = outbox;
    }

    @PostMapping(consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    @Operation(summary = "Upload a bundle (the .bundle file as the body): verified, stored in the inbox and handed to its handler",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "the .bundle file, streamed",
                    content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE, schema = @Schema(type = "string", format = "binary"))))
    ResponseEntity<ReceivedBundle> upload(HttpServletRequest request) {
        ReceivedBundle received;
        try {
            received = inbox.receive(request.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the uploaded bundle", e);
        }
        return ResponseEntity.created(URI.create("/api/v1/bundles/" + received.bundleId())).body(received);
    }

    @GetMapping
    @Operation(summary = "The received bundles, newest first")
    List<ReceivedBundle> inbox() {
        return inbox.list();
    }

    @GetMapping("/{bundleId}")
    @Operation(summary = "One received bundle")
    ReceivedBundle received(@PathVariable UUID bundleId) {
        return inbox.item(bundleId);
    }

    @GetMapping("/outbox")
    @Operation(summary = "The bundles waiting to be carried to an instance this one cannot reach, newest first")
    List<OutboxItem> outbox() {
        return outbox.list();
    }

    @GetMapping(value = "/outbox/{bundleId}", produces = {MediaType.APPLICATION_OCTET_STREAM_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @Operation(summary = "Download an outgoing bundle (streamed)")
    ResponseEntity<Resource> download(@PathVariable UUID bundleId) {
        OutboxItem item = outbox.item(bundleId);
        Path file = outbox.file(bundleId);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(item.kind().replaceAll("[^A-Za-z0-9._-]", "_") + "-" + bundleId + ".bundle").build().toString())
                .body(new FileSystemResource(file));
    }

    @PostMapping("/outbox/{bundleId}/collected")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Say that an outgoing bundle was carried off (it stays listed, with collectedAt)")
    void collected(@PathVariable UUID bundleId) {
        outbox.markCollected(bundleId);
    }
}
