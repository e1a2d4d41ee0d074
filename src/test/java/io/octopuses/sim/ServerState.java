package io.octopuses.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Everything one simulated Octopus Server knows, like its database. Every read and write happens while holding
 * this object's monitor ({@code synchronized (state)}); the HTTP endpoint and the task runner take it.
 */
final class ServerState {

    static final String ADMIN_USER_ID = "Users-1";

    final String name;
    final String apiKey;
    final UUID installationId = UUID.randomUUID();
    final Clock clock = Clock.systemUTC();
    final BlobStore blobs;

    boolean maintenanceMode;
    boolean healthy = true;
    final List<ServerNode> nodes = new ArrayList<>();
    DeploymentOutcome deploymentOutcome = DeploymentOutcome.SUCCEED;
    Duration stepDuration = Duration.ofMillis(200);

    private final Map<String, Integer> counters = new HashMap<>();

    final Table spaces = new Table("Space", "Spaces", "spaces", false).shape("SpaceResource");
    final Table users = new Table("User", "Users", "users", false).shape("UserResource");
    final Table teams = new Table("Team", "Teams", "teams", false).shape("TeamResource");
    final Table userRoles = new Table("UserRole", "UserRoles", "userroles", false).shape("UserRoleResource");
    final Table scopedUserRoles = new Table("ScopedUserRole", "ScopedUserRoles", "scopeduserroles", false).shape("ScopedUserRoleResource");
    final Table environments = new Table("Environment", "Environments", "environments", true).shape("EnvironmentResource");
    final Table lifecycles = new Table("Lifecycle", "Lifecycles", "lifecycles", true).shape("LifecycleResource");
    final Table projectGroups = new Table("ProjectGroup", "ProjectGroups", "projectgroups", true).shape("ProjectGroupResource");
    final Table projects = new Table("Project", "Projects", "projects", true).shape("ProjectResource");
    final Table channels = new Table("Channel", "Channels", "channels", true).shape("ChannelResource");
    final Table processes = new Table("DeploymentProcess", "deploymentprocess", "deploymentprocesses", true).shape("DeploymentProcessResource");
    final Table variableSets = new Table("VariableSet", "variableset", "variables", true).shape("VariableSetResource");
    final Table libraryVariableSets = new Table("LibraryVariableSet", "LibraryVariableSets", "libraryvariablesets", true).shape("LibraryVariableSetResource");
    final Table actionTemplates = new Table("ActionTemplate", "ActionTemplates", "actiontemplates", true).shape("ActionTemplateResource");
    final Table feeds = new Table("Feed", "Feeds", "feeds", true).shape("FeedResource");
    final Table packages = new Table("Package", "packages", "packages", true).shape("PackageFromBuiltInFeedResource");
    final Table releases = new Table("Release", "Releases", "releases", true).shape("ReleaseResource");
    final Table deployments = new Table("Deployment", "Deployments", "deployments", true).shape("DeploymentResource");
    final Table interruptions = new Table("Interruption", "Interruptions", "interruptions", true).shape("InterruptionResource");
    final Table artifacts = new Table("Artifact", "Artifacts", "artifacts", true).shape("ArtifactResource");

    /** Every version a step template has had, by template id (Octopus keeps them for /versions/{version}). */
    final Map<String, List<ObjectNode>> actionTemplateHistory = new HashMap<>();
    /** The bytes of built-in feed packages and artifacts, by "SpaceId|id". */
    final Map<String, java.nio.file.Path> packageFiles = new HashMap<>();
    final Map<String, java.nio.file.Path> artifactFiles = new HashMap<>();
    /** Server tasks in queue order. */
    final Map<String, SimulatedTask> tasks = new LinkedHashMap<>();

    ServerState(String name, String apiKey, String version, BlobStore blobs) {
        this.name = name;
        this.apiKey = apiKey;
        this.blobs = blobs;
        nodes.add(new ServerNode(nodeName(1), version));
    }

    String nodeName(int number) {
        return "OCTOPUS-" + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "") + "-" + number;
    }

    String version() {
        return nodes.get(0).version;
    }

    Instant now() {
        return clock.instant();
    }

    String nextId(String prefix) {
        return prefix + "-" + nextNumber(prefix);
    }

    int nextNumber(String counter) {
        return counters.merge(counter, 1, Integer::sum);
    }

    /** The space legacy un-prefixed routes work in. */
    String defaultSpaceId() {
        return spaces.all().stream()
                .filter(s -> s.path("IsDefault").asBoolean(false))
                .map(s -> Json.text(s, "Id"))
                .findFirst()
                .orElseThrow(() -> new OctopusException(404, "There is no default space. Use a space-prefixed route.", List.of()));
    }

    /** Stamps {@code LastModifiedOn}/{@code LastModifiedBy} as the real server does on every save. */
    ObjectNode touch(ObjectNode row) {
        row.put("LastModifiedOn", Json.date(now()));
        row.put("LastModifiedBy", "admin");
        return row;
    }
}
