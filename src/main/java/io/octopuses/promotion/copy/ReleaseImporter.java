package io.octopuses.promotion.copy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.octopuses.octopus.SpaceClient;
import io.octopuses.octopus.areas.PackagesApi;
import io.octopuses.octopus.errors.OctopusConflictException;
import io.octopuses.octopus.resources.ActionTemplateResource;
import io.octopuses.octopus.resources.ChannelResource;
import io.octopuses.octopus.resources.DeploymentProcessResource;
import io.octopuses.octopus.resources.DeploymentStepResource;
import io.octopuses.octopus.resources.LibraryVariableSetResource;
import io.octopuses.octopus.resources.LifecycleResource;
import io.octopuses.octopus.resources.OctopusJson;
import io.octopuses.octopus.resources.PackageResource;
import io.octopuses.octopus.resources.PhaseResource;
import io.octopuses.octopus.resources.ProjectGroupResource;
import io.octopuses.octopus.resources.ProjectResource;
import io.octopuses.octopus.resources.ReleaseResource;
import io.octopuses.octopus.resources.SelectedPackage;
import io.octopuses.octopus.resources.VariableSetResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Target side of a promotion: checks what a target lacks ({@link #preflight}), brings its project in line with the
 * release ({@link #applyProject}), uploads the packages it lacks ({@link #uploadPackages}) and creates the same
 * release ({@link #createRelease}). Every step reads what the target has before it writes, so each can be run again
 * after a failure or a lost answer without creating anything twice. Sensitive values go straight to the target and
 * are never logged or kept. docs/promotion-import.md has the rules.
 */
@Service
public class ReleaseImporter {

    /** In a project's description: Octopuses imports into this project, and owns its process and variables. */
    /** The lifecycle every Octopus space starts with; a project whose own lifecycle the target lacks follows it. */
    static final String DEFAULT_LIFECYCLE = "Default Lifecycle";

    public static final String MANAGED_MARKER = "[octopuses:managed]";
    static final String MANAGED_NOTE = MANAGED_MARKER + " Imported by Octopuses: every promotion replaces this "
            + "project's deployment process and non-sensitive variables.";

    private static final Logger log = LoggerFactory.getLogger(ReleaseImporter.class);
    private static final ObjectMapper MAPPER = OctopusJson.mapper();
    private static final String NEW = "(new) ";

    /** What the target lacks to deploy the release to {@code environmentName}, and what an import would change. */
    public PreflightReport preflight(SpaceClient target, ReleaseContent content, String environmentName) {
        Plan plan = plan(target, content, environmentName, Map.of());
        return new PreflightReport(environmentName, plan.missing(), plan.missingSensitive(), plan.changes(), plan.conflicts());
    }

    /**
     * Creates or updates the project (matched by slug, marked {@value #MANAGED_MARKER}), the step templates, library
     * variable sets, project group and channels it uses, its deployment process and variables, so that its process
     * and non-sensitive variables are the release's; the target's own sensitive values and its variables scoped only
     * to environments the source does not have are kept. Checks everything first and changes nothing when something
     * is missing or conflicts.
     *
     * @param sensitiveValues values for sensitive variables the target lacks (or should change), by
     *                        {@link SensitiveVariable#key()}; sent to the target only
     */
    public void applyProject(SpaceClient target, ReleaseContent content, Map<String, String> sensitiveValues) {
        Plan plan = plan(target, content, null, sensitiveValues);
        if (!plan.missing().isEmpty() || !plan.conflicts().isEmpty()) {
            throw CopyProblems.targetIncomplete(plan.missing(), plan.conflicts());
        }
        if (!plan.missingSensitive().isEmpty()) {
            throw CopyProblems.sensitiveValuesMissing(plan.missingSensitive());
        }
        // the plan's reading of the target, kept up to date with what is created below instead of read again
        NameIndex index = plan.index();
        Map<String, Integer> templateVersions = applyStepTemplates(target, content, index);
        List<String> libraryIds = applyLibrarySets(target, content, index, sensitiveValues);
        ProjectResource project = applyProjectResource(target, content, plan.project(), index, libraryIds);
        applyChannels(target, content, project, index);
        DeploymentProcessResource process = target.deploymentProcesses().get(project.deploymentProcessId());
        StepTranslation.Resolved steps = StepTranslation.toIds(content, index, process, templateVersions);
        if (!StepTranslation.canonical(process.steps()).equals(StepTranslation.canonical(steps.steps()))
                || !templateVersionsMatch(process.steps(), steps.steps())) {
            process = target.deploymentProcesses().update(process.id(), process.withSteps(steps.steps()));
            log.info("Deployment process of {} on {} updated", project.name(), target.spaceName());
        }
        VariableSetResource variables = target.variables().get(project.variableSetId());
        VariableMerge merge = VariableMerge.of(null, content.variables(), variables, index, actionIds(process),
                actionNames(process), project.id(), project.name(), content.sourceEnvironments(), sensitiveValues);
        if (merge.differs()) {
            target.variables().update(variables.id(), variables.withVariables(merge.variables()));
            log.info("Variables of {} on {}: {} added, {} changed, {} removed", project.name(), target.spaceName(),
                    merge.added().size(), merge.changed().size(), merge.removed().size());
        }
    }

    /**
     * Uploads the release's packages the target's built-in feed lacks, each streamed from {@code files} (closed after
     * use). A package already there with the same hash is left alone; with another hash it is a
     * {@code package-conflict}.
     */
    public ImportedPackages uploadPackages(SpaceClient target, ReleaseContent content,
                                           Function<PackageFile, InputStream> files) {
        List<PackageFile> uploaded = new ArrayList<>();
        List<PackageFile> present = new ArrayList<>();
        for (PackageFile file : content.packages()) {
            Optional<PackageResource> existing = optional(() -> target.packages().get(file.octopusId()));
            if (existing.isPresent()) {
                checkHash(file, existing.get());
                present.add(file);
                continue;
            }
            PackageResource stored;
            try (InputStream in = files.apply(file)) {
                stored = target.packages().upload(file.fileName(), in, file.sizeBytes(), PackagesApi.OverwriteMode.FAIL_IF_EXISTS);
            } catch (OctopusConflictException e) { // pushed meanwhile: the same package, or a conflict
                stored = target.packages().get(file.octopusId());
            } catch (IOException e) {
                throw new UncheckedIOException("Reading package " + file.fileName() + " failed", e);
            }
            checkHash(file, stored);
            uploaded.add(file);
            log.info("Package {} uploaded to {}", file.fileName(), target.spaceName());
        }
        return new ImportedPackages(uploaded, present);
    }

    /**
     * Creates the release with the source's version, channel, notes and package versions; an identical release
     * already there is reused. A different release with that version is a {@code release-conflict}. Run
     * {@link #applyProject} and {@link #uploadPackages} first.
     */
    public ImportedRelease createRelease(SpaceClient target, ReleaseContent content) {
        ProjectResource project = findProject(target, content).orElseThrow(() -> CopyProblems.notFound(
                "project-not-imported", "Project not imported",
                "The target has no project '" + content.project().slug() + "' to create release "
                        + content.release().version() + " in.", "Run applyProject first."));
        Optional<ReleaseResource> existing = optional(() -> target.projects().release(project.id(), content.release().version()));
        if (existing.isPresent()) {
            List<String> differences = releaseDifferences(target, content, existing.get(), NameIndex.of(target, project.id()));
            if (!differences.isEmpty()) {
                throw CopyProblems.conflict(releaseConflict(content, differences), "Release conflict",
                        "Delete release " + content.release().version() + " on the target if it may go, or promote a "
                                + "release with a new version.");
            }
            return new ImportedRelease(existing.get().id(), project.id(), existing.get().version(), false);
        }
        String channelId = NameIndex.channelsOf(target, project.id()).id(ResourceKind.CHANNEL, content.release().channelName()).orElseThrow(() ->
                CopyProblems.notFound("channel-not-imported", "Channel not imported", "Project " + project.name()
                        + " on the target has no channel '" + content.release().channelName() + "'.", "Run applyProject first."));
        List<SelectedPackage> selected = content.release().selectedPackages().stream()
                .map(p -> new SelectedPackage(p.actionName(), p.stepName(), p.packageReferenceName(), p.version())).toList();
        ReleaseResource created = target.releases().create(ReleaseResource.create(project.id(), channelId,
                content.release().version(), selected, content.release().releaseNotes()), null);
        log.info("Release {} of {} created on {}", created.version(), project.name(), target.spaceName());
        return new ImportedRelease(created.id(), project.id(), created.version(), true);
    }

    /** {@link #applyProject}, {@link #uploadPackages} and {@link #createRelease}, in that order. */
    public ImportedRelease importRelease(SpaceClient target, ReleaseContent content, Map<String, String> sensitiveValues,
                                         Function<PackageFile, InputStream> files) {
        applyProject(target, content, sensitiveValues);
        uploadPackages(target, content, files);
        return createRelease(target, content);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // the plan: what the target has, lacks, and would get (reads only)

    /** @param index the target as read for the plan, without the plan's placeholders for what would be created */
    private record Plan(ProjectResource project, NameIndex index, List<Missing> missing, List<SensitiveVariable> missingSensitive,
                        ChangeSummary changes, List<Conflict> conflicts) {
    }

    private Plan plan(SpaceClient target, ReleaseContent content, String environmentName, Map<String, String> sensitiveValues) {
        ProjectResource project = findProject(target, content).orElse(null);
        NameIndex read = NameIndex.of(target, project == null ? null : project.id());
        NameIndex index = read.copy(); // with placeholders for what the import would create
        LinkedHashSet<Missing> missing = new LinkedHashSet<>();
        List<Conflict> conflicts = new ArrayList<>();
        List<String> other = new ArrayList<>();
        if (project != null && !isManaged(project)) {
            conflicts.add(new Conflict(CopyProblems.PROJECT_NOT_MANAGED, "The target already has a project with the slug '"
                    + project.slug() + "' (" + project.name() + ") that Octopuses does not manage: importing would replace "
                    + "its process and variables. Rename that project's slug, or add the line '" + MANAGED_MARKER
                    + "' to its description to let promotions take it over."));
        }
        ReleaseContent.Project p = content.project();
        Optional<String> lifecycle = projectLifecycle(index, project, content);
        if (lifecycle.isEmpty()) {
            missing.add(new Missing(ResourceKind.LIFECYCLE, p.lifecycleName(), "project " + p.name()));
        } else if (project == null && !index.has(ResourceKind.LIFECYCLE, p.lifecycleName())) {
            other.add("Project lifecycle: the target's '" + DEFAULT_LIFECYCLE + "' (it has no lifecycle '"
                    + p.lifecycleName() + "'; choose another on the target, later promotions keep it)");
        }
        if (p.projectGroupName() != null && !index.has(ResourceKind.PROJECT_GROUP, p.projectGroupName())) {
            other.add("Project group created: " + p.projectGroupName());
            index.add(ResourceKind.PROJECT_GROUP, NEW + p.projectGroupName(), p.projectGroupName());
        }
        for (ReleaseContent.Channel channel : content.channels()) {
            if (channel.lifecycleName() != null && !index.has(ResourceKind.LIFECYCLE, channel.lifecycleName())) {
                other.add("Channel " + channel.name() + " follows the project's lifecycle (the target has no lifecycle '"
                        + channel.lifecycleName() + "')");
            }
            if (!index.has(ResourceKind.CHANNEL, channel.name())) {
                other.add("Channel created: " + channel.name());
                index.add(ResourceKind.CHANNEL, NEW + channel.name(), channel.name());
            }
        }
        if (environmentName != null) {
            checkEnvironment(target, content, environmentName, index, lifecycle, missing);
        }
        planStepTemplates(target, content, index, missing, other);

        List<String> variablesAdded = new ArrayList<>();
        List<String> variablesChanged = new ArrayList<>();
        List<String> variablesRemoved = new ArrayList<>();
        List<SensitiveVariable> missingSensitive = new ArrayList<>();
        for (ReleaseContent.LibrarySet set : content.libraryVariableSets()) {
            Optional<String> id = index.id(ResourceKind.LIBRARY_VARIABLE_SET, set.name());
            VariableSetResource current = id.map(i -> target.variables().get(target.libraryVariableSets().get(i).variableSetId()))
                    .orElse(null);
            if (id.isEmpty()) {
                other.add("Library variable set created: " + set.name());
            }
            VariableMerge merge = VariableMerge.of(set.name(), set.variables(), current, index, Map.of(), Map.of(), null,
                    null, content.sourceEnvironments(), sensitiveValues);
            collect(merge, variablesAdded, variablesChanged, variablesRemoved, missing, missingSensitive);
        }

        DeploymentProcessResource process = project == null ? null : target.deploymentProcesses().get(project.deploymentProcessId());
        StepTranslation.Resolved steps = StepTranslation.toIds(content, index, process, Map.of());
        missing.addAll(steps.missing());
        Map<String, JsonNode> before = StepTranslation.canonical(process == null ? List.of() : process.steps());
        Map<String, JsonNode> after = StepTranslation.canonical(steps.steps());
        List<String> stepsAdded = after.keySet().stream().filter(s -> !before.containsKey(s)).toList();
        List<String> stepsRemoved = before.keySet().stream().filter(s -> !after.containsKey(s)).toList();
        List<String> stepsChanged = after.keySet().stream()
                .filter(s -> before.containsKey(s) && !before.get(s).equals(after.get(s))).toList();

        Map<String, String> actionIds = actionIds(process);
        for (DeploymentStepResource step : steps.steps()) {
            step.actions().forEach(a -> actionIds.putIfAbsent(StepTranslation.lower(a.name()), NEW + a.name()));
        }
        VariableSetResource variables = project == null ? null : target.variables().get(project.variableSetId());
        VariableMerge merge = VariableMerge.of(null, content.variables(), variables, index, actionIds, actionNames(process),
                project == null ? NEW + p.name() : project.id(), p.name(), content.sourceEnvironments(), sensitiveValues);
        collect(merge, variablesAdded, variablesChanged, variablesRemoved, missing, missingSensitive);

        boolean projectChanged = project != null && !projectMatches(project, content, index);
        boolean anything = projectChanged || !stepsAdded.isEmpty() || !stepsRemoved.isEmpty() || !stepsChanged.isEmpty()
                || !variablesAdded.isEmpty() || !variablesChanged.isEmpty() || !variablesRemoved.isEmpty() || !other.isEmpty();
        String projectChange = project == null ? "created" : anything ? "updated" : "unchanged";

        if (project != null) {
            optional(() -> target.projects().release(project.id(), content.release().version())).ifPresent(release -> {
                List<String> differences = releaseDifferences(target, content, release, index);
                if (!differences.isEmpty()) {
                    conflicts.add(releaseConflict(content, differences));
                }
            });
        }
        for (PackageFile file : content.packages()) {
            optional(() -> target.packages().get(file.octopusId()))
                    .filter(stored -> !file.octopusHash().equalsIgnoreCase(stored.hash()))
                    .ifPresent(stored -> conflicts.add(packageConflict(file, stored)));
        }
        ChangeSummary changes = new ChangeSummary(projectChange, stepsAdded, stepsChanged, stepsRemoved, variablesAdded,
                variablesChanged, variablesRemoved, other);
        return new Plan(project, read, oncePerResource(missing), missingSensitive, changes, conflicts);
    }

    /** One entry per missing resource, naming everything that needs it. */
    private static List<Missing> oncePerResource(LinkedHashSet<Missing> missing) {
        Map<String, Missing> out = new java.util.LinkedHashMap<>();
        for (Missing m : missing) {
            out.merge(m.kind() + "|" + StepTranslation.lower(m.name()), m,
                    (a, b) -> new Missing(a.kind(), a.name(), a.neededBy() + ", " + b.neededBy()));
        }
        return List.copyOf(out.values());
    }

    private static void collect(VariableMerge merge, List<String> added, List<String> changed, List<String> removed,
                                LinkedHashSet<Missing> missing, List<SensitiveVariable> missingSensitive) {
        added.addAll(merge.added());
        changed.addAll(merge.changed());
        removed.addAll(merge.removed());
        missing.addAll(merge.missing());
        missingSensitive.addAll(merge.missingSensitive());
    }

    /** The environment exists, and the lifecycle the release's channel follows has a phase that allows it. */
    private static void checkEnvironment(SpaceClient target, ReleaseContent content, String environmentName,
                                         NameIndex index, Optional<String> projectLifecycle,
                                         LinkedHashSet<Missing> missing) {
        Optional<String> environment = index.id(ResourceKind.ENVIRONMENT, environmentName);
        if (environment.isEmpty()) {
            missing.add(new Missing(ResourceKind.ENVIRONMENT, environmentName, "the deployment"));
            return;
        }
        Optional<String> lifecycleId = content.channels().stream()
                .filter(c -> c.name().equalsIgnoreCase(content.release().channelName()) && c.lifecycleName() != null)
                .map(c -> index.id(ResourceKind.LIFECYCLE, c.lifecycleName())).flatMap(Optional::stream).findFirst()
                .or(() -> projectLifecycle);
        if (lifecycleId.isEmpty()) {
            return; // reported as missing already
        }
        LifecycleResource lifecycle = target.lifecycles().get(lifecycleId.get());
        String lifecycleName = lifecycle.name();
        List<PhaseResource> phases = lifecycle.phases() == null ? List.of() : lifecycle.phases();
        boolean allowed = phases.isEmpty() || phases.stream().anyMatch(phase ->
                contains(phase.automaticDeploymentTargets(), environment.get())
                        || contains(phase.optionalDeploymentTargets(), environment.get()));
        if (!allowed) {
            missing.add(new Missing(ResourceKind.LIFECYCLE, lifecycleName,
                    "a phase that allows environment '" + environmentName + "'"));
        }
    }

    private static boolean contains(List<String> ids, String id) {
        return ids != null && ids.stream().anyMatch(id::equalsIgnoreCase);
    }

    private static void planStepTemplates(SpaceClient target, ReleaseContent content, NameIndex index,
                                          LinkedHashSet<Missing> missing, List<String> other) {
        for (ReleaseContent.StepTemplate template : content.stepTemplates()) {
            Optional<String> id = index.id(ResourceKind.STEP_TEMPLATE, template.name());
            if (id.isEmpty()) {
                other.add("Step template created: " + template.name());
                index.add(ResourceKind.STEP_TEMPLATE, NEW + template.name(), template.name());
            } else if (!sameTemplate(target.actionTemplates().get(id.get()), template)) {
                other.add("Step template updated: " + template.name());
            }
        }
        for (ReleaseContent.Reference reference : content.references()) {
            if (reference.kind() == ResourceKind.STEP_TEMPLATE && !index.has(ResourceKind.STEP_TEMPLATE, reference.name())) {
                missing.add(new Missing(ResourceKind.STEP_TEMPLATE, reference.name(), "action '" + reference.actionName() + "'"));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // applying

    /** Creates or updates each step template (those created added to the index); the target's version of each, by lower-case name. */
    private static Map<String, Integer> applyStepTemplates(SpaceClient target, ReleaseContent content, NameIndex index) {
        Map<String, Integer> versions = new HashMap<>();
        List<ActionTemplateResource> all = target.actionTemplates().all();
        for (ReleaseContent.StepTemplate t : content.stepTemplates()) {
            ActionTemplateResource existing = all.stream().filter(a -> a.name().equalsIgnoreCase(t.name())).findFirst().orElse(null);
            ActionTemplateResource saved = existing;
            if (existing == null) {
                saved = target.actionTemplates().create(new ActionTemplateResource(null, t.name(), t.description(),
                        t.actionType(), null, null, t.properties(), t.parameters(), t.packages(), null, null, null));
                index.add(ResourceKind.STEP_TEMPLATE, saved.id(), saved.name());
            } else if (!sameTemplate(existing, t)) {
                saved = target.actionTemplates().update(existing.id(), new ActionTemplateResource(existing.id(), t.name(),
                        t.description(), t.actionType(), existing.version(), existing.communityActionTemplateId(),
                        t.properties(), t.parameters(), t.packages(), existing.spaceId(), null, existing.other()));
            }
            versions.put(StepTranslation.lower(t.name()), saved.version() == null ? 0 : saved.version());
        }
        return versions;
    }

    private static boolean sameTemplate(ActionTemplateResource existing, ReleaseContent.StepTemplate wanted) {
        return Objects.equals(existing.actionType(), wanted.actionType())
                && Objects.equals(blank(existing.description()), blank(wanted.description()))
                && withoutIds(existing.properties()).equals(withoutIds(wanted.properties()))
                && withoutIds(existing.parameters()).equals(withoutIds(wanted.parameters()))
                && withoutIds(existing.packages()).equals(withoutIds(wanted.packages()));
    }

    private static JsonNode withoutIds(Object value) {
        JsonNode node = MAPPER.valueToTree(value == null ? List.of() : value);
        if (node.isArray()) {
            node.forEach(item -> {
                if (item instanceof ObjectNode o) {
                    o.remove("Id");
                }
            });
        }
        return node;
    }

    /** Creates the library variable sets the target lacks and merges their variables; the target ids of the bundle's sets. */
    private static List<String> applyLibrarySets(SpaceClient target, ReleaseContent content, NameIndex index,
                                                 Map<String, String> sensitiveValues) {
        List<String> ids = new ArrayList<>();
        for (ReleaseContent.LibrarySet set : content.libraryVariableSets()) {
            Optional<String> id = index.id(ResourceKind.LIBRARY_VARIABLE_SET, set.name());
            LibraryVariableSetResource library = id.isPresent() ? target.libraryVariableSets().get(id.get())
                    : target.libraryVariableSets().create(new LibraryVariableSetResource(null, set.name(), set.description(),
                    "Variables", null, null, List.of(), null, null, null));
            index.add(ResourceKind.LIBRARY_VARIABLE_SET, library.id(), library.name());
            VariableSetResource variables = target.variables().get(library.variableSetId());
            VariableMerge merge = VariableMerge.of(set.name(), set.variables(), variables, index, Map.of(), Map.of(), null,
                    null, content.sourceEnvironments(), sensitiveValues);
            if (merge.differs()) {
                target.variables().update(variables.id(), variables.withVariables(merge.variables()));
            }
            ids.add(library.id());
        }
        return ids;
    }

    private static ProjectResource applyProjectResource(SpaceClient target, ReleaseContent content, ProjectResource existing,
                                                        NameIndex index, List<String> libraryIds) {
        ReleaseContent.Project p = content.project();
        String groupId = p.projectGroupName() == null ? null : index.id(ResourceKind.PROJECT_GROUP, p.projectGroupName())
                .orElseGet(() -> {
                    ProjectGroupResource group = target.projectGroups().create(new ProjectGroupResource(null,
                            p.projectGroupName(), null, "", List.of(), null, null, null, null));
                    index.add(ResourceKind.PROJECT_GROUP, group.id(), group.name());
                    return group.id();
                });
        String lifecycleId = projectLifecycle(index, existing, content).orElseThrow();
        if (existing == null) {
            if (groupId == null) {
                groupId = target.projectGroups().all().get(0).id();
            }
            ProjectResource created = target.projects().create(new ProjectResource(null, p.name(), p.slug(),
                    managedDescription(p.description()), groupId, lifecycleId, null, null, libraryIds, null, null, null,
                    null, null, null, null, null));
            log.info("Project {} created on {}", created.name(), target.spaceName());
            return created;
        }
        List<String> included = new ArrayList<>(libraryIds);
        if (existing.includedLibraryVariableSetIds() != null) {
            existing.includedLibraryVariableSetIds().stream().filter(id -> !included.contains(id))
                    .filter(id -> index.lookup(id).map(e -> !p.libraryVariableSetNames().contains(e.getValue())).orElse(true))
                    .forEach(included::add); // the target's own sets stay included
        }
        ProjectResource wanted = new ProjectResource(existing.id(), p.name(), existing.slug(), managedDescription(p.description()),
                groupId == null ? existing.projectGroupId() : groupId, lifecycleId, existing.deploymentProcessId(),
                existing.variableSetId(), included, existing.isDisabled(), existing.tenantedDeploymentMode(),
                existing.defaultGuidedFailureMode(), existing.isVersionControlled(), existing.clonedFromProjectId(),
                existing.spaceId(), null, existing.other());
        if (wanted.name().equals(existing.name()) && wanted.description().equals(existing.description())
                && wanted.projectGroupId().equals(existing.projectGroupId()) && lifecycleId.equals(existing.lifecycleId())
                && new LinkedHashSet<>(included).equals(new LinkedHashSet<>(existing.includedLibraryVariableSetIds() == null
                ? List.of() : existing.includedLibraryVariableSetIds()))) {
            return existing;
        }
        return target.projects().update(existing.id(), wanted);
    }

    /**
     * The lifecycle the project follows on the target: the one it already has there (the target zone chose it), else
     * the lifecycle with the source's name, else the target's {@value #DEFAULT_LIFECYCLE} (lifecycles are a zone's
     * own: a PCI server rarely has the development server's "Dev to Test").
     */
    private static Optional<String> projectLifecycle(NameIndex index, ProjectResource existing, ReleaseContent content) {
        if (existing != null && existing.lifecycleId() != null) {
            return Optional.of(existing.lifecycleId());
        }
        return index.id(ResourceKind.LIFECYCLE, content.project().lifecycleName())
                .or(() -> index.id(ResourceKind.LIFECYCLE, DEFAULT_LIFECYCLE));
    }

    private static boolean projectMatches(ProjectResource project, ReleaseContent content, NameIndex index) {
        ReleaseContent.Project p = content.project();
        return p.name().equals(project.name()) && managedDescription(p.description()).equals(project.description())
                && projectLifecycle(index, project, content).map(id -> id.equals(project.lifecycleId())).orElse(false)
                && (p.projectGroupName() == null || index.id(ResourceKind.PROJECT_GROUP, p.projectGroupName())
                .map(id -> id.equals(project.projectGroupId())).orElse(false));
    }

    /** Creates the channels the project lacks; the index then holds the project's channels as they are now. */
    private static void applyChannels(SpaceClient target, ReleaseContent content, ProjectResource project, NameIndex index) {
        List<ChannelResource> existing = target.readAll(target.channels().forProject(project.id(), 0, Integer.MAX_VALUE),
                ChannelResource.class);
        existing.forEach(c -> index.add(ResourceKind.CHANNEL, c.id(), c.name())); // a new project's default one too
        for (ReleaseContent.Channel channel : content.channels()) {
            if (existing.stream().anyMatch(c -> c.name().equalsIgnoreCase(channel.name()))) {
                continue;
            }
            String lifecycleId = channel.lifecycleName() == null ? null
                    : index.id(ResourceKind.LIFECYCLE, channel.lifecycleName()).orElse(null);
            ChannelResource created = target.channels().create(new ChannelResource(null, channel.name(), null,
                    channel.description(), project.id(), lifecycleId, false, List.of(), List.of(), null, null, null));
            index.add(ResourceKind.CHANNEL, created.id(), created.name());
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // releases and packages

    /** How an existing release differs from the bundle's: channel, notes, package versions, frozen process. */
    private static List<String> releaseDifferences(SpaceClient target, ReleaseContent content, ReleaseResource release,
                                                   NameIndex index) {
        List<String> differences = new ArrayList<>();
        String channel = index.name(ResourceKind.CHANNEL, release.channelId()).orElse(release.channelId());
        if (!channel.equalsIgnoreCase(content.release().channelName())) {
            differences.add("channel " + channel + " instead of " + content.release().channelName());
        }
        if (!blank(release.releaseNotes()).equals(blank(content.release().releaseNotes()))) {
            differences.add("other release notes");
        }
        LinkedHashSet<String> have = new LinkedHashSet<>();
        (release.selectedPackages() == null ? List.<SelectedPackage>of() : release.selectedPackages()).forEach(s ->
                have.add(StepTranslation.lower(s.actionName()) + "/" + blank(s.packageReferenceName()) + "@" + s.version()));
        LinkedHashSet<String> want = new LinkedHashSet<>();
        content.release().selectedPackages().forEach(s ->
                want.add(StepTranslation.lower(s.actionName()) + "/" + blank(s.packageReferenceName()) + "@" + s.version()));
        if (!have.equals(want)) {
            differences.add("package versions " + have + " instead of " + want);
        }
        DeploymentProcessResource frozen = target.deploymentProcesses().get(release.projectDeploymentProcessSnapshotId());
        StepTranslation.Resolved wanted = StepTranslation.toIds(content, index, frozen, Map.of());
        if (!StepTranslation.canonical(frozen.steps()).equals(StepTranslation.canonical(wanted.steps()))) {
            differences.add("another deployment process");
        }
        return differences;
    }

    private static Conflict releaseConflict(ReleaseContent content, List<String> differences) {
        return new Conflict(CopyProblems.RELEASE_CONFLICT, "Release " + content.release().version() + " of "
                + content.project().name() + " already exists on the target with other content: "
                + String.join("; ", differences) + ".");
    }

    private static Conflict packageConflict(PackageFile file, PackageResource stored) {
        return new Conflict(CopyProblems.PACKAGE_CONFLICT, "Package " + file.packageId() + " " + file.version()
                + " on the target has hash " + stored.hash() + " but the source's has " + file.octopusHash()
                + ": the same id and version with other content.");
    }

    private static void checkHash(PackageFile file, PackageResource stored) {
        if (!file.octopusHash().equalsIgnoreCase(stored.hash())) {
            throw CopyProblems.conflict(packageConflict(file, stored), "Package conflict",
                    "Packages are immutable per version: delete the target's package if it is wrong, or build a new "
                            + "version on the source, then run the import again.");
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** By slug: {@code GET /projects/{slug}} (newer servers), else the slug among all projects. */
    private static Optional<ProjectResource> findProject(SpaceClient target, ReleaseContent content) {
        return ProjectLookup.bySlug(target, content.project().slug());
    }

    static boolean isManaged(ProjectResource project) {
        return project.description() != null && project.description().contains(MANAGED_MARKER);
    }

    static String managedDescription(String description) {
        String own = description == null ? "" : description.replace(MANAGED_NOTE, "").strip();
        return own.isEmpty() ? MANAGED_NOTE : own + "\n\n" + MANAGED_NOTE;
    }

    private static boolean templateVersionsMatch(List<DeploymentStepResource> current, List<DeploymentStepResource> wanted) {
        return templateVersions(current).equals(templateVersions(wanted));
    }

    private static Map<String, Object> templateVersions(List<DeploymentStepResource> steps) {
        Map<String, Object> out = new HashMap<>();
        (steps == null ? List.<DeploymentStepResource>of() : steps).forEach(s -> s.actions().forEach(a -> {
            if (a.properties() != null && a.properties().containsKey(StepTranslation.TEMPLATE_VERSION)) {
                out.put(a.name(), String.valueOf(a.properties().get(StepTranslation.TEMPLATE_VERSION)));
            }
        }));
        return out;
    }

    private static Map<String, String> actionIds(DeploymentProcessResource process) {
        Map<String, String> out = new HashMap<>();
        if (process != null && process.steps() != null) {
            process.steps().forEach(s -> s.actions().forEach(a -> out.put(StepTranslation.lower(a.name()), a.id())));
        }
        return out;
    }

    private static Map<String, String> actionNames(DeploymentProcessResource process) {
        Map<String, String> out = new HashMap<>();
        if (process != null && process.steps() != null) {
            process.steps().forEach(s -> s.actions().forEach(a -> out.put(a.id(), a.name())));
        }
        return out;
    }

    private static <T> Optional<T> optional(Supplier<T> read) {
        return CopyProblems.ifFound(read);
    }

    private static String blank(String s) {
        return s == null ? "" : s;
    }
}
