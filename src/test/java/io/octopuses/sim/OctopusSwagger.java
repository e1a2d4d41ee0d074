package io.octopuses.sim;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.whitelist.ValidationErrorsWhitelist;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.PathItem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.allOf;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.messageContainsRegexp;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.messageHasKey;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.methodIs;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.pathContainsRegexp;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.responseStatusIs;

/**
 * Octopus Server's own published Swagger 2.0 document, loaded into Atlassian's {@link OpenApiInteractionValidator}
 * to judge what the simulator answers. The document is third-party data read from {@code -Doctopus.swagger.dir}
 * (surefire passes {@code ../shared/octopus-swagger}); it is never copied into the project.
 *
 * <p>Validation is strict: every message the validator knows is an error (additional properties included, which
 * the validator ignores by default), and no message key is downgraded as such ({@link LevelResolver} with default
 * level ERROR and no exceptions). Where the published document is demonstrably wrong about real servers, the
 * exception is one whitelist rule per case in {@link #SPEC_GAPS}, narrowed to one status or one exact message
 * shape, with its reason; the body of an error answer is then still validated against the document's {@code Error}
 * definition, and the body of a 418 against the operation's 200 body (see {@link #validate}).
 */
final class OctopusSwagger {

    static final String VERSION = "2026.1.9674";
    static final String FILE = "swagger-" + VERSION + ".validator.json";

    private static final ValidationErrorsWhitelist SPEC_GAPS = ValidationErrorsWhitelist.create()
            // Every Octopus server answers 401 with an Error body to a request without a valid API key (Octopus docs;
            // the TS and .NET clients handle it), but the document declares 401 for no operation at all.
            .withRule("401 is undeclared everywhere, though every real server sends it",
                    allOf(messageHasKey("validation.response.status.unknown"), responseStatusIs(401)))
            // The document declares 400 and 404 on 1700 of its 1763 operations; the ~60 without are generator
            // omissions: e.g. PUT /deploymentprocesses/{id} answers 400 to a stale Version and GET /channels/{id} 404
            // to an unknown id on real servers (the 400 texts are in the 2021 document).
            .withRule("400 is undeclared on a few operations, though real servers send it",
                    allOf(messageHasKey("validation.response.status.unknown"), responseStatusIs(400)))
            .withRule("404 is undeclared on a few operations, though real servers send it",
                    allOf(messageHasKey("validation.response.status.unknown"), responseStatusIs(404)))
            // Package upload answers 409 "A package with the same name and version already exists..." when
            // overwriteMode=FailIfExists (Octopus docs, TS/.NET clients), but the document declares no 409. Build
            // information has the same overwrite modes and the simulator refuses a duplicate the same way (unconfirmed
            // for real servers: see package-info).
            .withRule("409 is undeclared on package and build information pushes, though real servers send it",
                    allOf(messageHasKey("validation.response.status.unknown"), responseStatusIs(409),
                            pathContainsRegexp("/(packages/raw|build-information)$")))
            // GET /packages/{id} is declared as PackageResource, but real servers send the built-in feed's package with
            // its Hash (SHA-1) and PackageSizeBytes, as upload and list do (PackageFromBuiltInFeedResource). Only those
            // two extra fields on that one operation are tolerated.
            .withRule("GET /packages/{id} carries Hash and PackageSizeBytes the document's PackageResource lacks",
                    allOf(messageHasKey("validation.response.body.schema.additionalProperties"), responseStatusIs(200),
                            methodIs(PathItem.HttpMethod.GET), pathContainsRegexp("/packages/[^/]+$"),
                            messageContainsRegexp("^(\\[Path '/?'] )?Object instance has properties which are not allowed "
                                    + "by the schema: \\[\"Hash\",\"PackageSizeBytes\"]$")))
            // The document declares 404 without a schema (Swagger 2.0: no body), yet real servers answer 404 with
            // the same Error body as 400 ({"ErrorMessage": "...", ...}) and the official clients read it.
            .withRule("404 carries an Error body the document does not declare",
                    allOf(messageHasKey("validation.response.body.unexpected"), responseStatusIs(404)))
            // /serverstatus/health and /octopusservernodes/ping declare 418 without a schema, but real servers send the
            // same resource as with 200 (IsOperatingNormally=false, or the draining node): the point of the probe.
            .withRule("418 carries the 200 body the document does not declare",
                    allOf(messageHasKey("validation.response.body.unexpected"), responseStatusIs(418)))
            // GET /interruptions/{id}/responsible declares 200 without a schema in this document, but the server sends
            // the responsible user (the 2021.2 document declares UserResource, as for PUT, and Octopus.Client reads a
            // UserResource from it). A body is validated as the PUT's UserResource instead; no body (nobody has taken
            // responsibility yet) is what the 2026 document itself says.
            .withRule("GET .../responsible carries the UserResource the document does not declare",
                    allOf(messageHasKey("validation.response.body.unexpected"), responseStatusIs(200),
                            methodIs(PathItem.HttpMethod.GET), pathContainsRegexp("/interruptions/\\{[^}]+}/responsible$")))
            // Step and action Properties, and step-template parameter DefaultValue: the document describes the server's
            // C# type (PropertyValueResource objects), but the server's converter writes a non-sensitive value as a
            // plain JSON string: the official TS client types both `string | SensitiveValue | null` (ActionProperties,
            // ActionTemplateParameter.DefaultValue) and its own tests send strings. Only a string where that object is
            // expected, directly under a Properties map or as a parameter's DefaultValue, is tolerated.
            .withRule("PropertyValue is a plain string on the wire",
                    allOf(messageHasKey("validation.response.body.schema.type"),
                            messageContainsRegexp("^\\[Path '(/[^']*)?(/Properties/[^/']+|/Parameters/\\d+/DefaultValue)'] "
                                    + "Instance type \\(string\\) does not match any allowed primitive type "
                                    + "\\(allowed: \\[\"object\"]\\)$")));

    /** An operation whose 400 answer is exactly the document's {@code Error} definition; error bodies are checked as it. */
    private static final String ERROR_REFERENCE_PATH = "/api/spaces";
    private static final Pattern RESPONSIBLE = Pattern.compile("/interruptions/[^/]+/responsible$");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final OpenApiInteractionValidator validator;
    private final Set<String> operations;

    private OctopusSwagger(OpenApiInteractionValidator validator, Set<String> operations) {
        this.validator = validator;
        this.operations = operations;
    }

    /** {@code <octopus.swagger.dir>/swagger-2026.1.9674.validator.json}, absolute. */
    static Path specFile() {
        String dir = System.getProperty("octopus.swagger.dir", "../shared/octopus-swagger");
        return Path.of(dir).resolve(FILE).toAbsolutePath().normalize();
    }

    static boolean available() {
        return Files.isRegularFile(specFile());
    }

    /**
     * Skips the calling test when the document is absent, saying where it was looked for and how to provide it; in
     * CI fails it instead ({@link Prerequisites}).
     */
    static void require() {
        Prerequisites.require(available(), missing(), HOW_TO_PROVIDE);
    }

    /** What {@link #require} says is missing. */
    static String missing() {
        return "Octopus's Swagger document " + FILE + " was not found at " + specFile()
                + ", so the simulator's answers are not checked against it";
    }

    static final String HOW_TO_PROVIDE = "Put it there, or name the directory that holds it with "
            + "-Doctopus.swagger.dir=/path/to/octopus-swagger (./mvnw verify -Doctopus.swagger.dir=...; Maven's default "
            + "is ../shared/octopus-swagger beside the project).";

    static OctopusSwagger load() {
        LevelResolver strict = LevelResolver.create()
                .withDefaultLevel(ValidationReport.Level.ERROR)
                .build();
        ObjectNode document;
        try {
            document = (ObjectNode) MAPPER.readTree(specFile().toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + specFile(), e);
        }
        hoistInlineObjects(document);
        allowAnyAdditionalProperties(document);
        OpenApiInteractionValidator validator = OpenApiInteractionValidator
                .createForInlineApiSpecification(document.toString())
                .withLevelResolver(strict)
                .withWhitelist(SPEC_GAPS)
                .build();
        Set<String> operations = new HashSet<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (!method.equals("parameters")) {
                operations.add(operationKey(method, "/api" + (path.getKey().equals("/") ? "" : path.getKey())));
            }
        }));
        return new OctopusSwagger(validator, Set.copyOf(operations));
    }

    /**
     * Works around a bug of the validator's Swagger 2.0 to OpenAPI 3 conversion (swagger-parser-v2-converter 2.1.22),
     * not of the document: a property that is an inline object with both {@code properties} and
     * {@code additionalProperties: false} (VariableResource.Scope, TemplateParameterValueResource.Scope,
     * UserPermissionSetResource.SpacePermissions) is converted into a map without its properties, so even
     * {@code "Scope": {"Environment": [...]}} as every real server sends it would be refused. Moving each such inline
     * object into a definition of its own, referenced from where it was, says exactly the same and converts intact.
     */
    /**
     * Works around a second bug of the same conversion: {@code "additionalProperties": {}} (any value, e.g.
     * TaskResource.Arguments, whose values are strings like {@code "DeploymentId": "Deployments-1"}) becomes an
     * object schema, so any non-object value would be refused. {@code true} means exactly what {@code {}} means.
     */
    private static void allowAnyAdditionalProperties(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode additional = object.get("additionalProperties");
            if (additional instanceof ObjectNode empty && empty.isEmpty()) {
                object.put("additionalProperties", true);
            }
            object.elements().forEachRemaining(OctopusSwagger::allowAnyAdditionalProperties);
        } else if (node != null && node.isArray()) {
            node.elements().forEachRemaining(OctopusSwagger::allowAnyAdditionalProperties);
        }
    }

    private static void hoistInlineObjects(ObjectNode document) {
        ObjectNode definitions = (ObjectNode) document.path("definitions");
        List<String> names = new ArrayList<>();
        definitions.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode properties = definitions.path(name).path("properties");
            if (!(properties instanceof ObjectNode props)) {
                continue;
            }
            List<String> propertyNames = new ArrayList<>();
            props.fieldNames().forEachRemaining(propertyNames::add);
            for (String property : propertyNames) {
                JsonNode schema = props.get(property);
                if ("object".equals(schema.path("type").asText()) && schema.has("properties")) {
                    String hoisted = name + "_" + property;
                    definitions.set(hoisted, schema);
                    props.set(property, MAPPER.createObjectNode().put("$ref", "#/definitions/" + hoisted));
                }
            }
        }
    }

    /**
     * Whether the document has this operation: {@code GET /api/{spaceId}/projects/{id}} matches the document's
     * {@code GET /{spaceId}/projects/{id}} whatever the parameters are called. The validator alone cannot tell,
     * because it matches {@code /scopeduserroles/all} against {@code /scopeduserroles/{id}}.
     */
    boolean documents(String method, String template) {
        return operations.contains(operationKey(method, template));
    }

    private static String operationKey(String method, String template) {
        return method.toUpperCase(Locale.ROOT) + " " + template.replaceAll("\\{[^}]+}", "{}").toLowerCase(Locale.ROOT);
    }

    /** The validator's error messages for one recorded answer; empty when it conforms. */
    List<String> validate(SpecExchange exchange) {
        Request.Method method = method(exchange.method());
        List<String> problems = new ArrayList<>(errors(validator.validateResponse(exchange.path(), method,
                response(exchange, exchange.status())), ""));
        int status = exchange.status();
        if (status == 200 && method == Request.Method.GET && RESPONSIBLE.matcher(exchange.path()).find()
                && exchange.body().length > 0) {
            problems.addAll(errors(validator.validateResponse(exchange.path(), Request.Method.PUT, response(exchange, 200)),
                    "[body checked as PUT's UserResource] "));
        } else if (status == 418) {
            problems.addAll(errors(validator.validateResponse(exchange.path(), method, response(exchange, 200)),
                    "[body of 418 checked as 200] "));
        } else if (status >= 400) {
            problems.addAll(errors(validator.validateResponse(ERROR_REFERENCE_PATH, Request.Method.GET,
                    response(exchange, 400)), "[body of " + status + " checked as Error] "));
        }
        return problems;
    }

    private static SimpleResponse response(SpecExchange exchange, int status) {
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(status);
        exchange.headers().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                builder.withHeader(name, values);
            }
        });
        if (exchange.body().length > 0) {
            builder.withBody(exchange.body());
        }
        return builder.build();
    }

    private static List<String> errors(ValidationReport report, String prefix) {
        List<String> out = new ArrayList<>();
        for (ValidationReport.Message m : report.getMessages()) {
            if (m.getLevel() == ValidationReport.Level.ERROR || m.getLevel() == ValidationReport.Level.WARN) {
                StringBuilder text = new StringBuilder(prefix).append(m.getKey()).append(": ").append(m.getMessage());
                m.getNestedMessages().forEach(n -> text.append("\n      ").append(n.getMessage()));
                out.add(text.toString());
            }
        }
        return out;
    }

    private static Request.Method method(String method) {
        return Request.Method.valueOf(method.toUpperCase(Locale.ROOT));
    }
}
