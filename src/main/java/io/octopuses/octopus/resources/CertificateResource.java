package io.octopuses.octopus.resources;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A certificate ({@code /api/{spaceId}/certificates}). {@code CertificateData} and {@code Password} are write-only:
 * Octopus answers only whether they have a value.
 *
 * <p>{@code other} keeps the properties this client does not model, so reading, changing and PUTting a
 * resource back never drops what a newer server sent.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CertificateResource(
        String id,
        String name,
        String notes,
        String thumbprint,
        String subjectCommonName,
        String notAfter,
        Boolean hasPrivateKey,
        List<String> environmentIds,
        String tenantedDeploymentParticipation,
        String spaceId,
        Map<String, String> links,
        @JsonAnyGetter @JsonAnySetter Map<String, Object> other) {

    /** A new certificate from its base64 data (PFX, PEM or DER) and the PFX password, if any. */
    public static CertificateResource create(String name, String base64Data, String password) {
        Map<String, Object> secrets = new java.util.LinkedHashMap<>();
        secrets.put("CertificateData", Map.of("HasValue", true, "NewValue", base64Data));
        if (password != null) {
            secrets.put("Password", Map.of("HasValue", true, "NewValue", password));
        }
        return new CertificateResource(null, name, null, null, null, null, null, List.of(), null, null, null, secrets);
    }
}
