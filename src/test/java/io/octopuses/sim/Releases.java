package io.octopuses.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Creating releases, shared by the classic API, the executions API ({@code /releases/create/v1}) and the seeds. A
 * release freezes copies ("snapshots") of the project's deployment process, its variables and its library variable
 * sets; deployments of the release run what was frozen.
 */
final class Releases {

    private static final Pattern VERSION = Pattern.compile("^\\d+(\\.\\d+){0,3}(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ServerState state;

    Releases(ServerState state) {
        this.state = state;
    }

    /** A package version chosen for one package reference of the process. */
    record Selection(ProcessRoutes.PackageUse use, String version) {
    }

    ObjectNode create(String spaceId, JsonNode command) {
        String projectId = Json.fieldText(command, "ProjectId");
        if (projectId == null) {
            throw OctopusException.badRequest("Please specify the project (ProjectId) of the release.");
        }
        ObjectNode project = state.projects.find(spaceId, projectId)
                .orElseThrow(() -> OctopusException.badRequest("The project '" + projectId + "' does not exist."));
        String version = Json.fieldText(command, "Version");
        ObjectNode channel = channel(project, Json.fieldText(command, "ChannelId"));
        ObjectNode process = state.processes.get(spaceId, Json.text(project, "DeploymentProcessId"));
        List<Selection> selections = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<ObjectNode> selected = Json.objects(command, "SelectedPackages");
        for (ProcessRoutes.PackageUse use : ProcessRoutes.packageUses(process)) {
            Optional<String> chosen = selected.stream()
                    .filter(s -> use.actionName().equalsIgnoreCase(String.valueOf(Json.fieldText(s, "ActionName")))
                            || use.stepName().equalsIgnoreCase(String.valueOf(Json.fieldText(s, "StepName"))))
                    .filter(s -> use.referenceName().equals(nullToEmpty(Json.fieldText(s, "PackageReferenceName"))))
                    .map(s -> Json.fieldText(s, "Version"))
                    .filter(v -> v != null && !v.isBlank())
                    .findFirst();
            if (chosen.isPresent()) {
                selections.add(new Selection(use, chosen.get()));
            } else {
                missing.add(use.actionName() + (use.referenceName().isEmpty() ? "" : " (" + use.referenceName() + ")"));
            }
        }
        if (!missing.isEmpty()) {
            throw OctopusException.badRequest("A version must be specified for every included package. Missing: "
                    + String.join(", ", missing) + ".");
        }
        return store(project, channel, process, version, Json.fieldText(command, "ReleaseNotes"), selections,
                Json.field(command, "IgnoreChannelRules") != null && Json.field(command, "IgnoreChannelRules").asBoolean());
    }

    ObjectNode store(ObjectNode project, ObjectNode channel, ObjectNode process, String version, String notes,
                     List<Selection> selections, boolean ignoreChannelRules) {
        String spaceId = Json.text(project, "SpaceId");
        String projectId = Json.text(project, "Id");
        if (project.path("IsDisabled").asBoolean()) {
            throw OctopusException.badRequest("The project is disabled, so releases cannot be created for it. Enable the project first.");
        }
        if (version == null || version.isBlank()) {
            throw OctopusException.badRequest("Please provide a version for the release.");
        }
        if (!VERSION.matcher(version).matches()) {
            throw OctopusException.badRequest("The version '" + version + "' is not a valid version number. A version must be "
                    + "between 1 and 4 number only parts, optionally followed by a pre-release tag (for example 1.2.3-beta.1).");
        }
        if (findByVersion(spaceId, projectId, version).isPresent()) {
            throw OctopusException.badRequest("Release '" + version + "' already exists for this project. "
                    + "Please use a different version, or let Octopus choose the next one.");
        }
        ArrayNode selectedPackages = Json.array();
        for (Selection s : selections) {
            selectedPackages.add(Json.object(
                    "ActionName", s.use().actionName(),
                    "StepName", s.use().stepName(),
                    "PackageReferenceName", s.use().referenceName(),
                    "Version", s.version()));
        }
        ArrayNode librarySnapshots = snapshotLibraryVariables(project);
        String processSnapshot = snapshotProcess(process);
        String variableSnapshot = snapshotVariables(state.variableSets.get(spaceId, Json.text(project, "VariableSetId")));
        ObjectNode release = Json.object(
                "Id", state.nextId("Releases"),
                "SpaceId", spaceId,
                "ProjectId", projectId,
                "ChannelId", Json.text(channel, "Id"),
                "Version", version,
                "ReleaseNotes", notes == null ? "" : notes,
                "Assembled", state.now(),
                "IgnoreChannelRules", ignoreChannelRules,
                "ProjectDeploymentProcessSnapshotId", processSnapshot,
                "ProjectVariableSetSnapshotId", variableSnapshot,
                "LibraryVariableSetSnapshotIds", librarySnapshots,
                "SelectedPackages", selectedPackages,
                "SelectedGitResources", Json.array(),
                "BuildInformation", Json.array(),
                "CustomFields", Json.object());
        state.releases.put(state.touch(release));
        return release;
    }

    /** The executions API: names instead of ids, and package versions resolved by the server. */
    ObjectNode createV1(String spaceId, JsonNode command) {
        String projectName = Json.fieldText(command, "ProjectName");
        if (projectName == null || projectName.isBlank()) {
            throw OctopusException.badRequest("Please specify the project (ProjectName) of the release.");
        }
        ObjectNode project = projectByName(spaceId, projectName);
        String channelName = Json.fieldText(command, "ChannelName");
        ObjectNode channel;
        if (channelName == null || channelName.isBlank()) {
            channel = channel(project, null);
        } else {
            channel = state.channels.list(spaceId).stream()
                    .filter(c -> Json.text(project, "Id").equals(Json.text(c, "ProjectId")))
                    .filter(c -> channelName.equalsIgnoreCase(Json.text(c, "Name")) || channelName.equalsIgnoreCase(Json.text(c, "Id")))
                    .findFirst()
                    .orElseThrow(() -> OctopusException.badRequest("The channel '" + channelName + "' could not be found in project '"
                            + Json.text(project, "Name") + "'."));
        }
        ObjectNode process = state.processes.get(spaceId, Json.text(project, "DeploymentProcessId"));
        String defaultVersion = Json.fieldText(command, "PackageVersion");
        List<String> packageSpecs = Json.textsOf(Json.field(command, "Packages"));
        List<Selection> selections = new ArrayList<>();
        for (ProcessRoutes.PackageUse use : ProcessRoutes.packageUses(process)) {
            String version = explicitVersion(use, packageSpecs);
            if (version == null) {
                version = defaultVersion;
            }
            if (version == null && "feeds-builtin".equals(use.feedId())) {
                version = Packages.latestVersion(state, spaceId, use.packageId());
            }
            if (version == null) {
                throw OctopusException.badRequest("Could not resolve a version for package '" + use.packageId()
                        + "' used by step '" + use.stepName() + "'. Push the package to the built-in feed, or specify its "
                        + "version with Packages (\"" + use.packageId() + ":1.0.0\") or PackageVersion.");
            }
            selections.add(new Selection(use, version));
        }
        String releaseVersion = Json.fieldText(command, "ReleaseVersion");
        if (releaseVersion == null || releaseVersion.isBlank()) {
            ObjectNode last = latestRelease(state, spaceId, Json.text(project, "Id"), null);
            releaseVersion = nextVersion(last == null ? null : Json.text(last, "Version"));
        }
        JsonNode ignore = Json.field(command, "IgnoreIfAlreadyExists");
        if (ignore != null && ignore.asBoolean()) {
            Optional<ObjectNode> existing = findByVersion(spaceId, Json.text(project, "Id"), releaseVersion);
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        JsonNode ignoreRules = Json.field(command, "IgnoreChannelRules");
        return store(project, channel, process, releaseVersion, Json.fieldText(command, "ReleaseNotes"), selections,
                ignoreRules != null && ignoreRules.asBoolean());
    }

    /** "Package:1.2.3", "Step:1.2.3", "Step:Reference:1.2.3" or "*:1.2.3", as the Octopus CLI writes them. */
    private static String explicitVersion(ProcessRoutes.PackageUse use, List<String> specs) {
        for (String spec : specs) {
            String[] parts = spec.split(":");
            if (parts.length == 2) {
                String who = parts[0];
                if (who.equals("*") || who.equalsIgnoreCase(use.packageId()) || who.equalsIgnoreCase(use.stepName())
                        || who.equalsIgnoreCase(use.actionName())) {
                    return parts[1];
                }
            } else if (parts.length == 3) {
                boolean first = parts[0].equalsIgnoreCase(use.stepName()) || parts[0].equalsIgnoreCase(use.actionName())
                        || parts[0].equalsIgnoreCase(use.packageId());
                boolean second = parts[1].equalsIgnoreCase(use.referenceName()) || parts[1].equalsIgnoreCase(use.packageId())
                        || parts[1].equalsIgnoreCase(use.stepName());
                if (first && second) {
                    return parts[2];
                }
            }
        }
        return null;
    }

    ObjectNode projectByName(String spaceId, String nameOrSlugOrId) {
        return state.projects.findByIdOrSlugOrName(spaceId, nameOrSlugOrId)
                .orElseThrow(() -> OctopusException.badRequest("The project '" + nameOrSlugOrId + "' could not be found in space '"
                        + spaceId + "'. Check the project name."));
    }

    Optional<ObjectNode> findByVersion(String spaceId, String projectId, String version) {
        return state.releases.list(spaceId).stream()
                .filter(r -> projectId.equals(Json.text(r, "ProjectId")) && version.equalsIgnoreCase(Json.text(r, "Version")))
                .findFirst();
    }

    private ObjectNode channel(ObjectNode project, String channelId) {
        String projectId = Json.text(project, "Id");
        List<ObjectNode> channels = state.channels.list(Json.text(project, "SpaceId")).stream()
                .filter(c -> projectId.equals(Json.text(c, "ProjectId"))).toList();
        if (channelId != null && !channelId.isBlank()) {
            return channels.stream().filter(c -> channelId.equalsIgnoreCase(Json.text(c, "Id"))).findFirst()
                    .orElseThrow(() -> OctopusException.badRequest("The channel '" + channelId + "' does not belong to project '"
                            + Json.text(project, "Name") + "'."));
        }
        return channels.stream().filter(c -> c.path("IsDefault").asBoolean()).findFirst()
                .or(() -> channels.size() == 1 ? Optional.of(channels.get(0)) : Optional.empty())
                .orElseThrow(() -> OctopusException.badRequest("This project has more than one channel and none is the default: "
                        + "please specify a ChannelId."));
    }

    private String snapshotProcess(ObjectNode process) {
        String id = Json.text(process, "Id") + "-s-" + process.path("Version").asInt() + "-" + randomSuffix();
        ObjectNode copy = process.deepCopy();
        copy.put("Id", id);
        copy.remove("LastSnapshotId");
        state.processes.put(copy);
        process.put("LastSnapshotId", id);
        return id;
    }

    /** Snapshots of the library variable sets the project includes, as a release or runbook snapshot freezes them. */
    ArrayNode snapshotLibraryVariables(ObjectNode project) {
        String spaceId = Json.text(project, "SpaceId");
        ArrayNode snapshots = Json.array();
        for (String setId : Json.texts(project, "IncludedLibraryVariableSetIds")) {
            state.libraryVariableSets.find(spaceId, setId).ifPresent(library ->
                    snapshots.add(snapshotVariables(state.variableSets.get(spaceId, Json.text(library, "VariableSetId")))));
        }
        return snapshots;
    }

    String snapshotVariables(ObjectNode variables) {
        String id = Json.text(variables, "Id") + "-s-" + variables.path("Version").asInt() + "-" + randomSuffix();
        ObjectNode copy = variables.deepCopy();
        copy.put("Id", id);
        state.variableSets.put(copy);
        return id;
    }

    static String randomSuffix() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    static ObjectNode latestRelease(ServerState state, String spaceId, String projectId, String channelId) {
        return state.releases.list(spaceId).stream()
                .filter(r -> projectId.equals(Json.text(r, "ProjectId")))
                .filter(r -> channelId == null || channelId.equals(Json.text(r, "ChannelId")))
                .max(Comparator.comparing((ObjectNode r) -> Json.text(r, "Assembled"))
                        .thenComparing(r -> ProjectRoutes.idNumber(Json.text(r, "Id"))))
                .orElse(null);
    }

    /** The next version by Octopus's default template: last major.minor, next patch; 0.0.1 for the first release. */
    static String nextVersion(String lastVersion) {
        if (lastVersion == null) {
            return "0.0.1";
        }
        String core = lastVersion.split("[-+]")[0];
        String[] parts = core.split("\\.");
        try {
            String major = parts.length > 0 ? parts[0] : "0";
            String minor = parts.length > 1 ? parts[1] : "0";
            long patch = parts.length > 2 ? Long.parseLong(parts[2]) + 1 : 1;
            return major + "." + minor + "." + patch;
        } catch (NumberFormatException e) {
            return lastVersion + ".1";
        }
    }
}
