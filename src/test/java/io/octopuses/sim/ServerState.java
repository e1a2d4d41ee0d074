package io.octopuses.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
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
    /** How long a deployment step takes when its script says nothing about it, until a test changes it. */
    static final Duration DEFAULT_STEP_DURATION = Duration.ofMillis(200);

    final String name;
    final String apiKey;
    final UUID installationId = UUID.randomUUID();
    final Clock clock = Clock.systemUTC();
    final BlobStore blobs;

    boolean maintenanceMode;
    /** The newest version the licence covers ({@code MaximumAvailableVersionCoveredByLicense}). */
    volatile String licensedUpTo = SimulatorControls.LICENSED_UP_TO;
    boolean healthy = true;
    final List<ServerNode> nodes = new ArrayList<>();
    DeploymentOutcome deploymentOutcome = DeploymentOutcome.SUCCEED;
    /** How long a deployment step takes when its script says nothing about it (see {@link ScriptDuration}). */
    Duration stepDuration = DEFAULT_STEP_DURATION;
    /** Scales the time scripts say they take: 0.01 makes {@code Start-Sleep -Seconds 60} take 600 ms. */
    double timeFactor = 1.0;

    /** What tests want done when a runbook starts running ({@link SimulatorControls#onRunbookRun}). */
    final RunbookRunHooks runbookHooks = new RunbookRunHooks();
    /** The authentication providers' stored settings by section id, secrets in plain text ({@link ConfigurationRoutes}). */
    final Map<String, ObjectNode> configuration = new LinkedHashMap<>();

    private final Map<String, Integer> counters = new HashMap<>();

    final Table spaces = new Table("Space", "Spaces", "spaces", false).shape("SpaceResource");
    final Table users = new Table("User", "Users", "users", false).shape("UserResource");
    final Table teams = new Table("Team", "Teams", "teams", false).shape("TeamResource");
    final Table userRoles = new Table("UserRole", "UserRoles", "userroles", false).shape("UserRoleResource");
    final Table scopedUserRoles = new Table("ScopedUserRole", "ScopedUserRoles", "scopeduserroles", false).shape("ScopedUserRoleResource");
    /** API keys created through {@code /api/users/{userId}/apikeys}; like the real server, only a hash of each key is kept. */
    final Table apiKeys = new Table("ApiKey", "apikeys", "apikeys", false).shape("ApiKeyResource")
            .selfPath(row -> "/api/users/" + Json.text(row, "UserId") + "/apikeys/" + Json.text(row, "Id"));
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
    final Table workerPools = new Table("WorkerPool", "WorkerPools", "workerpools", true).shape("WorkerPoolResource");
    final Table accounts = new Table("Account", "Accounts", "accounts", true).shape("AccountResource");
    final Table certificates = new Table("Certificate", "Certificates", "certificates", true).shape("CertificateResource");
    final Table packages = new Table("Package", "packages", "packages", true).shape("PackageFromBuiltInFeedResource");
    final Table buildInformation = new Table("BuildInformation", "BuildInformation", "build-information", true)
            .shape("OctopusPackageVersionBuildInformationMappedResource");
    final Table releases = new Table("Release", "Releases", "releases", true).shape("ReleaseResource");
    final Table deployments = new Table("Deployment", "Deployments", "deployments", true).shape("DeploymentResource");
    final Table runbooks = new Table("Runbook", "Runbooks", "runbooks", true).shape("RunbookResource");
    final Table runbookProcesses = new Table("RunbookProcess", "RunbookProcess", "runbookProcesses", true).shape("RunbookProcessResource");
    final Table runbookSnapshots = new Table("RunbookSnapshot", "RunbookSnapshots", "runbookSnapshots", true).shape("RunbookSnapshotResource");
    final Table runbookRuns = new Table("RunbookRun", "RunbookRuns", "runbookRuns", true).shape("RunbookRunResource");
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

    /**
     * The user an API key signs in as, or null when no user may use it: the key the simulator was started with is
     * the administrator's; a created key is its user's until it is revoked, it expires, or the user is deleted or
     * deactivated.
     */
    String userIdForApiKey(String key) {
        if (key == null) {
            return null;
        }
        if (key.equals(apiKey)) {
            return ADMIN_USER_ID;
        }
        String hash = hashApiKey(key);
        for (ObjectNode row : apiKeys.all()) {
            if (!hash.equals(Json.text(row, "ApiKeyHash")) || expired(row)) {
                continue;
            }
            String userId = Json.text(row, "UserId");
            return users.find(null, userId).filter(u -> u.path("IsActive").asBoolean(true)).isPresent() ? userId : null;
        }
        return null;
    }

    private boolean expired(ObjectNode apiKeyRow) {
        String expires = Json.text(apiKeyRow, "Expires");
        try {
            return expires != null && !OffsetDateTime.parse(expires).toInstant().isAfter(now());
        } catch (DateTimeParseException e) {
            return true;
        }
    }

    static String hashApiKey(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Stamps {@code LastModifiedOn}/{@code LastModifiedBy} as the real server does on every save. */
    ObjectNode touch(ObjectNode row) {
        row.put("LastModifiedOn", Json.date(now()));
        row.put("LastModifiedBy", "admin");
        return row;
    }
}
