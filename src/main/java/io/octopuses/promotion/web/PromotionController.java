package io.octopuses.promotion.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.octopuses.promotion.record.Promotion;
import io.octopuses.promotion.record.PromotionImports;
import io.octopuses.promotion.record.PromotionProblems;
import io.octopuses.promotion.record.PromotionRequest;
import io.octopuses.promotion.record.Promotions;

/** Release promotions over REST: CI starts one and follows it; the step template does the same from Octopus. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Promotions", description = "Promote a release from one Octopus server to another, connected or air-gapped")
class PromotionController {

    private static final String IDEMPOTENCY_KEY = "^[A-Za-z0-9._:/+=-]{1,200}$";

    private final Promotions promotions;
    private final PromotionImports imports;

    PromotionController(Promotions promotions, PromotionImports imports) {
        this.promotions = promotions;
        this.imports = imports;
    }

    @PostMapping("/promotions")
    @Operation(summary = "Start a promotion (202 with its id and status URL); repeating the call with the same "
            + "Idempotency-Key returns the same promotion (200) instead of starting another")
    ResponseEntity<PromotionView> request(
            @Valid @RequestBody PromotionRequest request,
            @Parameter(description = "Your key for this request (1-200 letters, digits or ._:/+=-), e.g. the CI build id: "
                    + "a retry with the same key never starts a second promotion")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            Authentication caller) {
        if (idempotencyKey != null && !idempotencyKey.matches(IDEMPOTENCY_KEY)) {
            throw PromotionProblems.invalidIdempotencyKey();
        }
        Promotions.Accepted accepted = promotions.request(request, caller.getName(), idempotencyKey);
        Promotion promotion = accepted.promotion();
        PromotionView view = PromotionView.of(promotion, null);
        return ResponseEntity.status(accepted.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .location(URI.create(view.statusUrl())).body(view);
    }

    @GetMapping("/promotions")
    @Operation(summary = "The latest promotions this instance started, newest first (without timelines)")
    List<PromotionView> list(@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return promotions.latest(limit).stream().map(p -> PromotionView.of(p, null)).toList();
    }

    @GetMapping("/promotions/{id}")
    @Operation(summary = "One promotion with its whole timeline (both sides when the results came back) and the remote outcome")
    PromotionView show(@PathVariable String id) {
        return PromotionView.of(promotions.get(id), promotions.timeline(id));
    }

    @GetMapping(value = "/promotions/{id}/log", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "The remote deployment's whole task log, once the results came back")
    ResponseEntity<String> log(@PathVariable String id) {
        Promotion promotion = promotions.get(id);
        if (promotion.remoteLog() == null) {
            throw PromotionProblems.noLogYet(id, promotion.state().name());
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(promotion.remoteLog());
    }

    @GetMapping("/promotion-imports")
    @Operation(summary = "The latest promotions this instance received to import, newest first")
    List<PromotionImportView> imports(@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return imports.latest(limit).stream().map(i -> PromotionImportView.of(i, null)).toList();
    }

    @GetMapping("/promotion-imports/{id}")
    @Operation(summary = "One received promotion: the import's state and its timeline on this instance")
    PromotionImportView showImport(@PathVariable String id) {
        return PromotionImportView.of(imports.get(id), imports.timeline(id));
    }
}
