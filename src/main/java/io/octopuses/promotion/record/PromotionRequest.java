package io.octopuses.promotion.record;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.octopuses.validation.PlainText;

/** The body of {@code POST /api/v1/promotions}: which release goes from which server to which environment where. */
public record PromotionRequest(
        @Schema(description = "The server the release is on (its slug in the farm)", example = "dev",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank @Pattern(regexp = SLUG, message = SLUG_MESSAGE)
        String sourceServer,
        @Schema(description = "The project's slug or name on the source server", example = "payments",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank @Size(max = 200) @PlainText
        String project,
        @Schema(description = "The release version, exactly as on the source server", example = "1.4.2",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank @Size(max = 100) @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9.+_-]*$",
                message = "must be a release version such as 1.4.2 or 2.0.0-rc.1")
        String version,
        @Schema(description = "The server to deploy on (its slug in the farm; CONNECTED or DISCONNECTED)", example = "prod",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank @Pattern(regexp = SLUG, message = SLUG_MESSAGE)
        String targetServer,
        @Schema(description = "The environment on the target server to deploy to", example = "Production",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank @Size(max = 200) @PlainText
        String environment,
        @Schema(description = "The space on both servers (name or id)", defaultValue = "Default")
        @Size(max = 200) @PlainText
        String space) {

    static final String SLUG = "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$";
    static final String SLUG_MESSAGE = "must be a server slug: 1-63 lower-case letters, digits or dashes";
    public static final String DEFAULT_SPACE = "Default";

    public String spaceOrDefault() {
        return space == null || space.isBlank() ? DEFAULT_SPACE : space;
    }
}
