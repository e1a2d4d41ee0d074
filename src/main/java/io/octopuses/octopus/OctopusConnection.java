package io.octopuses.octopus;

import java.net.URI;
import java.util.Objects;

import io.octopuses.octopus.errors.Redaction;

/**
 * Where one Octopus Deploy server answers and the API key to use there.
 *
 * <p>{@link #toString()} never shows the key, so a connection can be logged or put in an exception message.
 *
 * @param baseUrl the server's root, e.g. {@code https://octopus.example.com} or {@code https://host/octopus} (the
 *                REST API is at {@code baseUrl + "/api"}); a trailing slash is removed
 * @param apiKey  an Octopus API key ({@code API-...})
 */
public record OctopusConnection(URI baseUrl, String apiKey) {

    public OctopusConnection {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        if (!baseUrl.isAbsolute() || baseUrl.getHost() == null
                || !("http".equalsIgnoreCase(baseUrl.getScheme()) || "https".equalsIgnoreCase(baseUrl.getScheme()))) {
            throw new IllegalArgumentException("An Octopus base URL is an absolute http(s) URL, not " + baseUrl);
        }
        if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null || baseUrl.getRawUserInfo() != null) {
            throw new IllegalArgumentException("An Octopus base URL has no user info, query or fragment: " + baseUrl.getHost());
        }
        String path = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        baseUrl = URI.create(baseUrl.getScheme().toLowerCase() + "://" + baseUrl.getRawAuthority() + path);
        if (apiKey.isBlank()) {
            throw new IllegalArgumentException("An Octopus API key is required");
        }
        // The HTTP client would refuse it later, quoting the header's value (the key) in its exception.
        if (apiKey.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new IllegalArgumentException("An Octopus API key is printable ASCII without spaces or line breaks");
        }
    }

    @Override
    public String toString() {
        return "OctopusConnection[baseUrl=" + baseUrl + ", apiKey=" + Redaction.MASK + "]";
    }
}
