package io.octopuses.sim;

import java.util.List;
import java.util.Map;

/**
 * Checks a successful simulator answer against Octopus's own Swagger document, so every simulator test is also a
 * conformance test. Without the document (see {@code octopus.swagger.dir}) the answers go unchecked and a warning says
 * so once per JVM; in CI ({@link Prerequisites}) every check fails instead. It uses the same strict
 * validator as {@link SimulatorConformanceTest} ({@link OctopusSwagger}), with the same few documented gaps (plain
 * string {@code Properties}/{@code DefaultValue}) and the same fixes for the validator's own conversion bugs (so a
 * variable's {@code Scope} is checked, not tolerated).
 */
final class SpecCheck {

    private static volatile OctopusSwagger swagger;
    private static volatile boolean missing;

    private SpecCheck() {
    }

    static void assertConforms(String method, String pathAndQuery, int status, String contentType, byte[] body) {
        if (status >= 300 || !contentType.startsWith("application/json")) {
            return;
        }
        OctopusSwagger spec = swagger();
        if (spec == null) {
            return;
        }
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        String query = q < 0 ? null : pathAndQuery.substring(q + 1);
        SpecExchange exchange = new SpecExchange(method, path, query, null, new byte[0], status,
                Map.of("Content-Type", List.of(contentType)), body);
        List<String> problems = spec.validate(exchange);
        if (!problems.isEmpty()) {
            throw new AssertionError(exchange.describe() + " does not match Octopus's Swagger:\n  "
                    + String.join("\n  ", problems));
        }
    }

    private static OctopusSwagger swagger() {
        if (swagger == null && !missing) {
            synchronized (SpecCheck.class) {
                if (swagger == null && !missing) {
                    if (OctopusSwagger.available()) {
                        swagger = OctopusSwagger.load();
                    } else {
                        missing = true;
                        if (!Prerequisites.inCi()) {
                            Prerequisites.warn(
                                    Prerequisites.message(OctopusSwagger.missing(), OctopusSwagger.HOW_TO_PROVIDE));
                        }
                    }
                }
            }
        }
        if (missing && Prerequisites.inCi()) {
            throw new AssertionError(Prerequisites.message(OctopusSwagger.missing(), OctopusSwagger.HOW_TO_PROVIDE));
        }
        return swagger;
    }
}
