package io.octopuses.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One HTTP request as the route handlers see it: path parameters, query parameters, body. */
final class ApiRequest {

    private final HttpExchange exchange;
    private final String method;
    private final String path;
    private final String rawQuery;
    private final Map<String, List<String>> query;
    private Map<String, String> pathParams = Map.of();
    private String spaceId;
    private String userId;
    private byte[] body;

    ApiRequest(HttpExchange exchange) {
        this.exchange = exchange;
        String override = exchange.getRequestHeaders().getFirst("X-HTTP-Method-Override");
        String verb = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        // Octopus.Client for .NET sends PUT and DELETE as POST with this header; the real server honours it
        this.method = verb.equals("POST") && override != null && !override.isBlank() ? override.trim().toUpperCase(Locale.ROOT) : verb;
        URI uri = exchange.getRequestURI();
        String rawPath = uri.getRawPath();
        this.path = decode(rawPath.length() > 1 && rawPath.endsWith("/") ? rawPath.substring(0, rawPath.length() - 1) : rawPath);
        this.rawQuery = uri.getRawQuery();
        this.query = parseQuery(rawQuery);
    }

    String method() {
        return method;
    }

    String path() {
        return path;
    }

    String rawQuery() {
        return rawQuery;
    }

    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    void bind(Map<String, String> params, String resolvedSpaceId) {
        this.pathParams = params;
        this.spaceId = resolvedSpaceId;
    }

    /** Records who the request's API key signs in as. */
    void authenticated(String callerUserId) {
        this.userId = callerUserId;
    }

    /** The user the API key belongs to; null on an anonymous route called without a key. */
    String userId() {
        return userId;
    }

    String param(String name) {
        return pathParams.get(name);
    }

    /** The space a space-scoped route works in: the {spaceId} segment, or the default space for legacy routes. */
    String spaceId() {
        return spaceId;
    }

    String query(String name) {
        List<String> values = query.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    boolean hasQuery(String name) {
        return query.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /** A list parameter, given repeated ({@code ids=a&ids=b}) or comma separated ({@code ids=a,b}). */
    List<String> queryList(String name) {
        List<String> out = new ArrayList<>();
        for (String value : query.getOrDefault(name.toLowerCase(Locale.ROOT), List.of())) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    int intQuery(String name, int fallback) {
        String value = query(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            return (int) Math.max(0, Math.min(Integer.MAX_VALUE, parsed));
        } catch (NumberFormatException e) {
            throw OctopusException.badRequest("The value '" + value + "' is not valid for " + name + ".");
        }
    }

    boolean boolQuery(String name, boolean fallback) {
        String value = query(name);
        return value == null || value.isBlank() ? fallback : Boolean.parseBoolean(value.trim());
    }

    /** Query parameters other than paging ones, to carry into paging links. */
    Map<String, List<String>> filters() {
        Map<String, List<String>> out = new LinkedHashMap<>(query);
        out.remove("skip");
        out.remove("take");
        out.remove("apikey");
        return out;
    }

    InputStream bodyStream() {
        return exchange.getRequestBody();
    }

    byte[] bodyBytes() {
        if (body == null) {
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return body;
    }

    JsonNode json() {
        return Json.parse(bodyBytes());
    }

    private static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
