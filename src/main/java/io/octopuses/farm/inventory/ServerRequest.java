package io.octopuses.farm.inventory;

import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.octopuses.farm.Reachability;
import io.octopuses.validation.PlainText;

/** The body of {@code POST /api/v1/servers} and {@code PUT /api/v1/servers/{slug}}. */
public record ServerRequest(
        @Schema(description = "Stable id: lower-case letters, digits and dashes. Required when registering; on a change "
                + "it may be omitted (the path names the server)", example = "payments-prod", requiredMode = Schema.RequiredMode.REQUIRED)
        @Pattern(regexp = SLUG, message = "must be 1-63 lower-case letters, digits or dashes, starting and ending with a letter or digit")
        String slug,
        @Schema(example = "Payments production")
        @NotBlank @Size(max = 200) @PlainText
        String name,
        @Schema(description = "The server's address, e.g. https://octopus.example.com (with or without /api)")
        @NotBlank @Size(max = 2000)
        String baseUrl,
        @Schema(description = "An Octopus API key (API-...). Required for CONNECTED servers; write-only: never returned. "
                + "Omit it on update to keep the stored key, unless baseUrl changes: a stored key is never sent to a new address.",
                accessMode = Schema.AccessMode.WRITE_ONLY)
        @Size(max = 200, message = "must be at most 200 characters (Octopus API keys are 'API-' and 16-100 letters and digits)")
        String apiKey,
        @Schema(example = "pci-prod")
        @NotBlank
        @Pattern(regexp = SLUG, message = "must be 1-63 lower-case letters, digits or dashes, starting and ending with a letter or digit")
        String zone,
        @Schema(description = "CONNECTED (default) or DISCONNECTED")
        Reachability reachability,
        @Schema(description = "Upgrade ring: campaigns upgrade ring 0 first", defaultValue = "0")
        @Min(0) @Max(99)
        Integer upgradeRing,
        @Schema(description = "Keep this server on this Octopus version during upgrades", example = "2025.4.9600")
        @Pattern(regexp = "^\\d{1,4}\\.\\d{1,4}(\\.\\d{1,6}){0,2}$", message = "must be an Octopus version such as 2025.4.9600")
        String pinnedVersion,
        @Size(max = 200) @PlainText
        String owningTeam,
        @Schema(description = "Up to " + MAX_LABELS + " key/value labels, e.g. region: eu-west")
        @Size(max = MAX_LABELS, message = "may hold at most " + MAX_LABELS + " labels")
        Map<@NotNull @Pattern(regexp = "^[A-Za-z0-9._/-]{1,100}$", message = "label keys are 1-100 letters, digits, '.', '_', '/' or '-'") String,
            @NotNull(message = "label values may not be null (omit the label instead)") @Size(max = 200) @PlainText String> labels) {

    static final String SLUG = "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$";
    static final int MAX_LABELS = 50;

    @Override
    public String toString() {
        return "ServerRequest[" + slug + " " + baseUrl + " " + reachability + ", apiKey " + (apiKey == null ? "absent" : "given") + "]";
    }
}
