package io.octopuses.octopus;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import io.octopuses.octopus.errors.Redaction;

/**
 * Where one Octopus Deploy server answers and the API key to use there.
 *
 * <p>{@link #toString()} never shows the key, so a connection can be logged or put in an exception message.
 *
 * @param baseUrl the server's root, e.g. {@code https://octopus.example.com} or {@code https://host/octopus} (the
 *                REST API is at {@code baseUrl + "/api"}); normalised by {@link #baseUrlOf(String)}
 * @param apiKey  an Octopus API key ({@code API-...})
 */
public record OctopusConnection(URI baseUrl, String apiKey) {

    /** What Octopus issues as an API key: "API-" and upper-case letters and digits (today 26 or 32 of them). */
    public static final Pattern API_KEY = Pattern.compile("^API-[A-Z0-9]{16,100}$");

    public OctopusConnection {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        baseUrl = baseUrlOf(baseUrl.toString());
        if (apiKey.isBlank()) {
            throw new IllegalArgumentException("An Octopus API key is required");
        }
        // The HTTP client would refuse it later, quoting the header's value (the key) in its exception.
        if (apiKey.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new IllegalArgumentException("An Octopus API key is printable ASCII without spaces or line breaks");
        }
    }

    /**
     * The one check of an Octopus server address: an absolute http(s) URL with a host, a port from 1 to 65535, no
     * credentials, query or fragment; normalised to lower-case scheme, no trailing {@code /} and no {@code /api}
     * suffix (people paste the API's address). An {@link IllegalArgumentException} says what is wrong.
     */
    public static URI baseUrlOf(String raw) {
        URI uri;
        try {
            uri = new URI(Objects.requireNonNull(raw, "baseUrl").trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("it is not a valid URI (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("it must start with http:// or https://");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("it has no host name");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new IllegalArgumentException("its port must be between 1 and 65535");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("it must not contain credentials, a query or a fragment");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        if (path.toLowerCase(Locale.ROOT).endsWith("/api")) {
            path = path.substring(0, path.length() - "/api".length());
        }
        return URI.create(scheme + "://" + uri.getRawAuthority() + path);
    }

    /** Whether {@code value} looks like an Octopus API key ({@link #API_KEY}). */
    public static boolean isApiKey(String value) {
        return value != null && API_KEY.matcher(value).matches();
    }

    @Override
    public String toString() {
        return "OctopusConnection[baseUrl=" + baseUrl + ", apiKey=" + Redaction.MASK + "]";
    }
}
