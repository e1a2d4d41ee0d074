package io.octopuses.farm.inventory;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.springframework.http.HttpStatus;

import io.octopuses.problem.ApiProblem;

/** Checks and normalises the base URL a user gives for a server: absolute http(s), no query, no "/api" suffix. */
final class ServerUrl {

    private ServerUrl() {
    }

    static String normalise(String raw) {
        URI uri;
        try {
            uri = new URI(raw.trim());
        } catch (URISyntaxException e) {
            throw malformed(raw, "it is not a valid URI (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw malformed(raw, "it must start with http:// or https://");
        }
        if (uri.getHost() == null) {
            throw malformed(raw, "it has no host name");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw malformed(raw, "its port must be between 1 and 65535");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw malformed(raw, "it must not contain credentials, a query or a fragment");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        path = path.replaceAll("/+$", "");
        if (path.toLowerCase(Locale.ROOT).endsWith("/api")) {
            path = path.substring(0, path.length() - "/api".length());
        }
        return scheme + "://" + uri.getRawAuthority() + path;
    }

    private static ApiProblem malformed(String raw, String why) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "malformed-url", "Malformed server URL",
                "The baseUrl '" + raw + "' cannot be used: " + why + ".",
                "Give the address you open Octopus at in a browser, e.g. https://octopus.example.com");
    }
}
