package io.octopuses.sim;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Checks a successful simulator answer against Octopus's own Swagger document (when it is present on this machine,
 * see {@code octopus.swagger.dir}), so every simulator test is also a conformance test.
 * <p>
 * Two known gaps are tolerated: action and step {@code Properties} are plain strings on the wire (what a real server
 * sends and every client reads; likewise a template parameter's {@code DefaultValue}), while the document describes them as {@code PropertyValueResource} objects; and
 * variable {@code Scope} objects, which the validator cannot check (see {@link #isVariableScope}).
 */
final class SpecCheck {

    private static final String SPEC = "swagger-2026.1.9674.validator.json";
    private static volatile OpenApiInteractionValidator validator;
    private static volatile boolean missing;

    private SpecCheck() {
    }

    static void assertConforms(String method, String pathAndQuery, int status, String contentType, byte[] body) {
        if (status >= 300 || !contentType.startsWith("application/json")) {
            return;
        }
        OpenApiInteractionValidator v = validator();
        if (v == null) {
            return;
        }
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        SimpleResponse response = SimpleResponse.Builder.status(status)
                .withContentType("application/json")
                .withBody(new String(body, StandardCharsets.UTF_8))
                .build();
        ValidationReport report = v.validateResponse(path, Request.Method.valueOf(method), response);
        List<ValidationReport.Message> problems = report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .filter(m -> !isStringProperty(m) && !isVariableScope(m) && !isTaskArgument(m))
                .toList();
        if (!problems.isEmpty()) {
            throw new AssertionError(method + " " + path + " -> " + status + " does not match Octopus's Swagger:\n"
                    + problems.stream().map(SpecCheck::describe).collect(Collectors.joining("\n")));
        }
    }

    private static String describe(ValidationReport.Message m) {
        return "  " + m.getMessage() + " " + m.getNestedMessages().stream().map(n -> n.getMessage()).collect(Collectors.joining("; "));
    }

    private static boolean isStringProperty(ValidationReport.Message message) {
        String text = message.getMessage() + message.getNestedMessages().stream().map(ValidationReport.Message::getMessage)
                .collect(Collectors.joining(" "));
        return (text.contains("/Properties/") || text.contains("/DefaultValue'"))
                && text.contains("Instance type (string) does not match");
    }

    /**
     * The document declares a variable's {@code Scope} as an inline object ({@code Environment}, {@code Role}, ...) with
     * {@code additionalProperties: false}; the validator's Swagger 2 to OpenAPI 3 conversion loses the inline
     * properties, so even a real server's {@code "Scope": {"Environment": [...]}} is refused. A tooling artefact.
     */
    private static boolean isVariableScope(ValidationReport.Message message) {
        return message.getMessage().contains("/Scope'] Object instance has properties which are not allowed");
    }

    /**
     * A task's {@code Arguments} is declared {@code additionalProperties: {}} (any value); the validator's conversion
     * turns that into "every value is an object", refusing {@code "DeploymentId": "Deployments-1"} as a real server
     * sends it. A tooling artefact.
     */
    private static boolean isTaskArgument(ValidationReport.Message message) {
        return message.getMessage().contains("/Arguments/") && message.getMessage().contains("allowed: [\"object\"]");
    }

    private static OpenApiInteractionValidator validator() {
        if (validator == null && !missing) {
            synchronized (SpecCheck.class) {
                if (validator == null && !missing) {
                    Path spec = Path.of(System.getProperty("octopus.swagger.dir", "../shared/octopus-swagger"), SPEC);
                    if (Files.isRegularFile(spec)) {
                        validator = OpenApiInteractionValidator.createForSpecificationUrl(spec.toUri().toString()).build();
                    } else {
                        missing = true;
                    }
                }
            }
        }
        return validator;
    }
}
