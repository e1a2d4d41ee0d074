package io.octopuses.promotion.copy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.octopuses.octopus.resources.ActionTemplateParameterResource;
import io.octopuses.octopus.resources.DeploymentStepResource;
import io.octopuses.octopus.resources.PackageReferenceResource;
import io.octopuses.problem.DomainException;
import io.octopuses.problem.ProblemKind;

/**
 * One release of one project, as a promotion carries it from server to server: the {@code release.json} of a bundle.
 * Ids differ between servers, so none is kept: every reference is by name. In {@link #steps()} (Octopus's own step
 * shape, PascalCase) the fields that hold an id on a server hold the name here: an action's {@code Environments},
 * {@code ExcludedEnvironments}, {@code Channels}, {@code WorkerPoolId}, {@code Container.FeedId} and its packages'
 * {@code FeedId}; properties that held an id hold the name and are listed in {@link #references()}. Step, action and
 * package reference ids are left out. Sensitive values are never in it.
 *
 * @param schemaVersion        {@value #SCHEMA_VERSION} for this layout; a reader refuses a newer one
 * @param source               where it came from, for people
 * @param project              the project, matched by slug on the target
 * @param release              version, channel, notes and package versions
 * @param channels             the channels the release and its process use
 * @param steps                the release's frozen deployment process, ids replaced by names
 * @param references           properties of the steps that name another resource
 * @param variables            the release's frozen project variables (sensitive ones without value)
 * @param libraryVariableSets  the frozen library variable sets the project includes
 * @param stepTemplates        the step templates the steps use, at the version they use
 * @param packages             the built-in feed packages the release selected (the files travel beside this)
 * @param sourceEnvironments   every environment of the source space: a target variable scoped only to others is the
 *                             target's own and is kept
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReleaseContent(int schemaVersion, Source source, Project project, Release release,
                             List<Channel> channels, List<DeploymentStepResource> steps, List<Reference> references,
                             List<VariableContent> variables, List<LibrarySet> libraryVariableSets,
                             List<StepTemplate> stepTemplates, List<PackageFile> packages,
                             List<String> sourceEnvironments) {

    public static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .addModule(new JavaTimeModule())
            .build();

    public ReleaseContent {
        channels = List.copyOf(channels);
        steps = List.copyOf(steps);
        references = List.copyOf(references);
        variables = List.copyOf(variables);
        libraryVariableSets = List.copyOf(libraryVariableSets);
        stepTemplates = List.copyOf(stepTemplates);
        packages = List.copyOf(packages);
        sourceEnvironments = List.copyOf(sourceEnvironments);
    }

    /** Where the release came from. */
    public record Source(String serverUrl, String spaceName, String octopusVersion) {
    }

    /** The project: matched on the target by {@code slug}. */
    public record Project(String name, String slug, String description, String projectGroupName, String lifecycleName,
                          List<String> libraryVariableSetNames) {
    }

    /** The release itself; {@code selectedPackages} by action and package reference names. */
    public record Release(String version, String channelName, String releaseNotes,
                          List<SelectedPackageVersion> selectedPackages) {
    }

    /** The package version chosen for one package reference of one action. */
    public record SelectedPackageVersion(String actionName, String stepName, String packageReferenceName,
                                         String version) {
    }

    /** A channel; {@code lifecycleName} null when it follows the project's lifecycle. */
    public record Channel(String name, String description, String lifecycleName, boolean isDefault) {
    }

    /** A step or action property that names a resource ({@code actionName} null for a step property). */
    public record Reference(String stepName, String actionName, String property, ResourceKind kind, String name) {
    }

    /** A library variable set with its frozen variables. */
    public record LibrarySet(String name, String description, List<VariableContent> variables) {
    }

    /** A step template at the version the release's steps use. */
    public record StepTemplate(String name, int sourceVersion, String actionType, String description,
                               Map<String, Object> properties, List<ActionTemplateParameterResource> parameters,
                               List<PackageReferenceResource> packages) {
    }

    /** The sensitive variables the target must have a value for (project's and library sets'), by stable key. */
    @JsonIgnore
    public List<SensitiveVariable> sensitiveVariables() {
        List<SensitiveVariable> out = new ArrayList<>();
        variables.stream().filter(VariableContent::sensitive)
                .forEach(v -> out.add(new SensitiveVariable(v.name(), v.scope(), null)));
        for (LibrarySet set : libraryVariableSets) {
            set.variables().stream().filter(VariableContent::sensitive)
                    .forEach(v -> out.add(new SensitiveVariable(v.name(), v.scope(), set.name())));
        }
        return out;
    }

    /** As {@code release.json}: UTF-8 JSON, keys in a stable order. */
    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing release.json failed", e);
        }
    }

    /** Reads a {@code release.json}; refuses a schema version this build does not know. */
    public static ReleaseContent fromJson(InputStream json) {
        ReleaseContent content;
        try {
            content = JSON.readValue(json, ReleaseContent.class);
        } catch (IOException e) {
            throw new DomainException(ProblemKind.INVALID, "release-content-unreadable", "Release content unreadable",
                    "The release.json could not be read: " + e.getMessage(),
                    "Export the release again with the same Octopuses version on both sides.");
        }
        if (content.schemaVersion() > SCHEMA_VERSION || content.schemaVersion() < 1) {
            throw new DomainException(ProblemKind.INVALID, "release-content-schema", "Release content too new",
                    "The release.json has schema version " + content.schemaVersion() + "; this Octopuses reads "
                            + "versions 1 to " + SCHEMA_VERSION + ".",
                    "Upgrade the receiving Octopuses to the sender's version, then import the bundle again.");
        }
        return content;
    }

    static ObjectMapper json() {
        return JSON;
    }
}
