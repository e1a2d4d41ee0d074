package io.octopuses.security;

/**
 * A route whose body may be larger than {@code octopuses.api.max-request-size} (e.g. a bundle upload), declared as
 * a bean by the module that owns the route. {@link RequestBodyLimit} refuses a declared length over {@code maxBytes}
 * with 413 and the given problem type, and otherwise leaves the body to the route, which must bound what it reads
 * itself (it streams the body, it never parses it in memory).
 *
 * @param method        the HTTP method, e.g. {@code POST}
 * @param path          the exact request path, e.g. {@code /api/v1/bundles}
 * @param maxBytes      the largest body accepted
 * @param problemType   the problem type of a refusal, e.g. {@code bundle-too-large}
 * @param limitProperty the property that sets {@code maxBytes}, named in the refusal
 */
public record LargeRequestBody(String method, String path, long maxBytes, String problemType, String limitProperty) {
}
