package io.octopuses.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import io.octopuses.JsonAnswers;

/**
 * What a person does between two Octopuses instances in the tests, over their REST APIs: the farm admins exchange
 * public keys, and {@code user} carries bundle files from one outbox to the other's inbox.
 */
public record BundleCarrier(ObjectMapper json, String user, String password) {

    private static final String ADMIN = "demo";

    /** {@code receiver} trusts the instance behind {@code signer} (as its farm admin); the answer to the trust call. */
    public ResponseEntity<JsonNode> trust(TestRestTemplate signer, TestRestTemplate receiver) {
        JsonNode instance = JsonAnswers.read(signer.withBasicAuth(ADMIN, ADMIN)
                .exchange("/api/v1/instance", HttpMethod.GET, null, String.class), json).getBody();
        Map<String, Object> peer = Map.of("instanceId", instance.path("instanceId").asText(),
                "name", instance.path("name").asText(), "publicKey", instance.path("publicKey").asText(),
                "fingerprint", instance.path("fingerprint").asText());
        return JsonAnswers.send(receiver, json, HttpMethod.POST, "/api/v1/trust", ADMIN, ADMIN,
                MediaType.APPLICATION_JSON, peer, null);
    }

    /** The bundle file from {@code from}'s outbox. */
    public byte[] download(TestRestTemplate from, String bundleId) {
        ResponseEntity<byte[]> file = from.withBasicAuth(user, password)
                .exchange("/api/v1/bundles/outbox/" + bundleId, HttpMethod.GET, null, byte[].class);
        assertThat(file.getStatusCode()).isEqualTo(HttpStatus.OK);
        return file.getBody();
    }

    /** Uploads the file into {@code to}'s inbox. */
    public ResponseEntity<JsonNode> upload(TestRestTemplate to, byte[] bundle) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
        return JsonAnswers.read(to.withBasicAuth(user, password)
                .exchange("/api/v1/bundles", HttpMethod.POST, new HttpEntity<>(bundle, headers), String.class), json);
    }
}
