package io.octopuses.sim;

/**
 * One request a simulator answered, in arrival order: what was asked, what status came back, and whether an API key
 * was sent (header or query). For asserting retries, polling and authentication in tests.
 */
public record RecordedRequest(String method, String path, String query, int status, boolean apiKeyPresent) {
}
