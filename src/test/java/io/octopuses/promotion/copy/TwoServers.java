package io.octopuses.promotion.copy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.octopuses.octopus.OctopusClientProperties;
import io.octopuses.octopus.OctopusClients;
import io.octopuses.octopus.OctopusConnection;
import io.octopuses.octopus.SpaceClient;
import io.octopuses.octopus.resources.ActionTemplateResource;
import io.octopuses.octopus.resources.CreateReleaseCommandV1;
import io.octopuses.octopus.resources.DeploymentActionContainerResource;
import io.octopuses.octopus.resources.DeploymentActionResource;
import io.octopuses.octopus.resources.DeploymentProcessResource;
import io.octopuses.octopus.resources.DeploymentStepResource;
import io.octopuses.octopus.resources.EnvironmentResource;
import io.octopuses.octopus.resources.LifecycleResource;
import io.octopuses.octopus.resources.PhaseResource;
import io.octopuses.octopus.resources.ProjectResource;
import io.octopuses.octopus.resources.VariableResource;
import io.octopuses.octopus.resources.VariableSetResource;
import io.octopuses.sim.SimulatorExtension;

/**
 * The source (the DEV seed's Payments) and a target of a copy, each a simulated server reached through the
 * application's own client, with what the tests do to them.
 */
final class TwoServers {

    static final String SPACE = "Spaces-1";
    static final OctopusClientProperties PROPERTIES = OctopusClientProperties.defaults()
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10))
            .withRetry(new OctopusClientProperties.Retry(3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(5)));

    private final SimulatorExtension source;
    private final SimulatorExtension target;

    TwoServers(SimulatorExtension source, SimulatorExtension target) {
        this.source = source;
        this.target = target;
    }

    SpaceClient source() {
        return space(source);
    }

    SpaceClient target() {
        return space(target);
    }

    private static SpaceClient space(SimulatorExtension sim) {
        return new OctopusClients(PROPERTIES).connect(new OctopusConnection(sim.baseUrl(), sim.apiKey())).space(SPACE);
    }

    /** Environments and the "Dev to Test" lifecycle (a phase per environment) on the target. */
    void prepareTarget(String... environments) {
        SpaceClient t = target();
        List<PhaseResource> phases = new ArrayList<>();
        for (String name : environments) {
            EnvironmentResource env = t.environments().create(EnvironmentResource.named(name));
            phases.add(new PhaseResource(null, name, List.of(), List.of(env.id()), 0, false, false, null, null, null));
        }
        t.lifecycles().create(new LifecycleResource(null, "Dev to Test", null, "", phases, null, null, null, null, null));
    }

    /** Replaces a step's script on the source's current process (not on any release). */
    void editSourceScript(String stepName, String script) {
        editSourceAction(stepName, a -> {
            Map<String, Object> props = new LinkedHashMap<>(a.properties());
            props.put("Octopus.Action.Script.ScriptBody", script);
            return action(a, a.workerPoolId(), a.container(), props);
        });
    }

    /** Runs a step on a worker pool, in a container image from a feed (ids of the source). */
    void runSourceStepOn(String stepName, String workerPoolId, String image, String feedId) {
        editSourceAction(stepName, a -> action(a, workerPoolId,
                new DeploymentActionContainerResource(image, feedId, null), a.properties()));
    }

    private void editSourceAction(String stepName, UnaryOperator<DeploymentActionResource> edit) {
        SpaceClient s = source();
        ProjectResource payments = s.projects().get("payments");
        DeploymentProcessResource process = s.deploymentProcesses().forProject(payments.id());
        List<DeploymentStepResource> steps = process.steps().stream().map(step -> !step.name().equals(stepName) ? step
                : new DeploymentStepResource(step.id(), step.name(), step.slug(), step.condition(), step.startTrigger(),
                step.packageRequirement(), step.properties(), step.actions().stream().map(edit).toList(), step.other()))
                .toList();
        s.deploymentProcesses().updateForProject(payments.id(), process.withSteps(steps));
    }

    private static DeploymentActionResource action(DeploymentActionResource a, String workerPoolId,
                                                   DeploymentActionContainerResource container, Map<String, Object> properties) {
        return new DeploymentActionResource(a.id(), a.name(), a.slug(), a.actionType(), a.isDisabled(), a.isRequired(),
                a.canBeUsedForProjectVersioning(), a.condition(), workerPoolId, a.workerPoolVariable(), container,
                a.environments(), a.excludedEnvironments(), a.channels(), a.tenantTags(), a.notes(), properties,
                a.packages(), a.other());
    }

    /** Adds variables to the source project's current variables. */
    void addSourceVariables(VariableResource... variables) {
        SpaceClient s = source();
        ProjectResource payments = s.projects().get("payments");
        VariableSetResource set = s.variables().get(payments.variableSetId());
        List<VariableResource> all = new ArrayList<>(set.variables());
        all.addAll(List.of(variables));
        s.variables().update(set.id(), set.withVariables(all));
    }

    /** Replaces (or adds) a variable of a source library variable set, after the releases that froze it. */
    void editSourceLibrarySet(String name, VariableResource variable) {
        SpaceClient s = source();
        String setId = s.libraryVariableSets().all().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow()
                .variableSetId();
        VariableSetResource set = s.variables().get(setId);
        List<VariableResource> all = new ArrayList<>(set.variables().stream().filter(v -> !v.name().equals(variable.name())).toList());
        all.add(variable);
        s.variables().update(set.id(), set.withVariables(all));
    }

    /** A new release of the source's Payments, of its current process and variables. */
    void releaseOnSource(String version) {
        source().releases().createV1(CreateReleaseCommandV1.of(SPACE, "Payments", version));
    }

    ProjectResource targetProject() {
        return target().projects().get("payments");
    }

    long targetProjectsNamedPayments() {
        return target().projects().all().stream().filter(p -> p.slug().equals("payments")).count();
    }

    List<String> templateNames(SpaceClient space) {
        return space.actionTemplates().all().stream().map(ActionTemplateResource::name).toList();
    }

    static InputStream open(ExportedRelease exported, PackageFile file) {
        ExportedPackage staged = exported.packages().stream().filter(p -> p.file().equals(file)).findFirst().orElseThrow();
        try {
            return staged.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
