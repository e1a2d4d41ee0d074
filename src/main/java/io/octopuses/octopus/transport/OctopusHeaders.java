package io.octopuses.octopus.transport;

import feign.RequestInterceptor;
import feign.RequestTemplate;

import io.octopuses.octopus.errors.Redaction;

/** Authenticates every request with {@code X-Octopus-ApiKey} and asks for JSON unless a method asked otherwise. */
final class OctopusHeaders implements RequestInterceptor {

    static final String API_KEY_HEADER = "X-Octopus-ApiKey";
    static final String USER_AGENT = "Octopuses";

    private final String apiKey;

    OctopusHeaders(String apiKey) {
        this.apiKey = apiKey;
    }

    @Override
    public void apply(RequestTemplate template) {
        // Feign re-applies interceptors to the same template on every retry: replace, never append.
        template.removeHeader(API_KEY_HEADER);
        template.header(API_KEY_HEADER, apiKey);
        if (!template.headers().containsKey("Accept")) {
            template.header("Accept", "application/json");
        }
        if (template.body() != null && template.body().length > 0 && !template.headers().containsKey("Content-Type")) {
            template.header("Content-Type", "application/json; charset=utf-8");
        }
        template.removeHeader("User-Agent");
        template.header("User-Agent", USER_AGENT);
    }

    @Override
    public String toString() {
        return "OctopusHeaders[" + API_KEY_HEADER + "=" + Redaction.MASK + "]";
    }
}
