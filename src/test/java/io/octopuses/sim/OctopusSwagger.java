package io.octopuses.sim;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.whitelist.ValidationErrorsWhitelist;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.allOf;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.messageHasKey;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.pathContainsRegexp;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.responseStatusIs;

/**
 * Octopus Server's own published Swagger 2.0 document, loaded into Atlassian's {@link OpenApiInteractionValidator}
 * to judge what the simulator answers. The document is third-party data read from {@code -Doctopus.swagger.dir}
 * (surefire passes {@code ../shared/octopus-swagger}); it is never copied into the project.
 *
 * <p>Validation is strict: every message the validator knows is an error (also additional properties, which the
 * validator ignores by default), and nothing is downgraded by key. The published document is incomplete about
 * error answers only; those few gaps are listed in {@link #SPEC_GAPS}, each for one status and one message, and the
 * body of such an answer is still validated against what the document does say (see {@link #validate}).
 */
final class OctopusSwagger {

    static final String VERSION = "2026.1.9674";
    static final String FILE = "swagger-" + VERSION + ".validator.json";

    /*
     * Where the published document is wrong about real servers. Each rule names one message key for one status (and
     * one route where it is route-specific); the answer's body is then validated as the document's error or success
     * body instead (see proxyStatus), so no body goes unchecked.
     */
    private static final ValidationErrorsWhitelist SPEC_GAPS = ValidationErrorsWhitelist.create()
            // Every Octopus server answers 401 with an Error body to a request without a valid API key (Octopus docs,
            // the TS and .NET clients handle it), but the document declares 401 for no operation at all.
            .withRule("401 is undeclared everywhere, though every real server sends it",
                    allOf(messageHasKey("validation.response.status.unknown"), responseStatusIs(401)))
            // Package upload answers 409 "A package with the same ID and version already exists..." when
            // overwriteMode=FailIfExists (Octopus docs, TS/.NET clients), but the document declares no 409.
            .withRule("409 is undeclared on package upload, though real servers send it",
                    allOf(messageHasKey("validation.response.status.unknown"), responseStatusIs(409),
                            pathContainsRegexp("/packages/raw$")))
            // The document declares 404 without a schema (Swagger 2.0: no body), yet real servers answer 404 with
            // the same Error body as 400 ({"ErrorMessage": "...", ...}) and the official clients read it.
            .withRule("404 carries an Error body the document does not declare",
                    allOf(messageHasKey("validation.response.body.unexpected"), responseStatusIs(404)))
            // /serverstatus/health and /octopusservernodes/ping declare 418 without a schema, but real servers send the
            // same resource as with 200 (IsOperatingNormally=false, or the draining node) -- the point of the probe.
            .withRule("418 carries the 200 body the document does not declare",
                    allOf(messageHasKey("validation.response.body.unexpected"), responseStatusIs(418)));

    private final OpenApiInteractionValidator validator;

    private OctopusSwagger(OpenApiInteractionValidator validator) {
        this.validator = validator;
    }

    /** {@code <octopus.swagger.dir>/swagger-2026.1.9674.validator.json}, absolute. */
    static Path specFile() {
        String dir = System.getProperty("octopus.swagger.dir", "../shared/octopus-swagger");
        return Path.of(dir).resolve(FILE).toAbsolutePath().normalize();
    }

    static boolean available() {
        return Files.isRegularFile(specFile());
    }

    static OctopusSwagger load() {
        LevelResolver strict = LevelResolver.create()
                .withDefaultLevel(ValidationReport.Level.ERROR)
                .build();
        return new OctopusSwagger(OpenApiInteractionValidator
                .createForSpecificationUrl(specFile().toUri().toString())
                .withLevelResolver(strict)
                .withWhitelist(SPEC_GAPS)
                .build());
    }

    /** The validator's error messages for one recorded answer; empty when it conforms. */
    List<String> validate(SpecExchange exchange) {
        List<String> problems = new ArrayList<>(errors(validator.validateResponse(exchange.path(),
                method(exchange.method()), response(exchange, exchange.status())), ""));
        int proxy = proxyStatus(exchange.status());
        if (proxy != exchange.status()) {
            problems.addAll(errors(validator.validateResponse(exchange.path(), method(exchange.method()),
                    response(exchange, proxy)), "[body of " + exchange.status() + " checked as " + proxy + "] "));
        }
        return problems;
    }

    /**
     * Answers the document under-declares are validated a second time as the answer whose body they carry: error
     * statuses as 400 (every operation declares 400 with the {@code Error} schema), 418 as 200.
     */
    private static int proxyStatus(int status) {
        return switch (status) {
            case 401, 404, 409 -> 400;
            case 418 -> 200;
            default -> status;
        };
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
