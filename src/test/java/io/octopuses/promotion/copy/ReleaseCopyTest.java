package io.octopuses.promotion.copy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.octopuses.octopus.SpaceClient;
import io.octopuses.octopus.areas.PackagesApi;
import io.octopuses.octopus.resources.DeploymentProcessResource;
import io.octopuses.octopus.resources.ProjectResource;
import io.octopuses.octopus.resources.ReleaseResource;
import io.octopuses.octopus.resources.VariableResource;
import io.octopuses.octopus.resources.VariableSetResource;
import io.octopuses.problem.DomainException;
import io.octopuses.sim.SimulatorExtension;
import io.octopuses.sim.SimulatorSeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Export from a simulated source (the DEV seed's Payments) and import into a fresh simulated target, through real
 * HTTP and the application's own client.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReleaseCopyTest {

    private static final String SECRET = "prod-only-S3cret-value!";

    @RegisterExtension
    final SimulatorExtension dev = SimulatorExtension.builder().name("dev").seed(SimulatorSeed.DEV).build();
    @RegisterExtension
    final SimulatorExtension prod = SimulatorExtension.builder().name("prod").seed(SimulatorSeed.EMPTY).build();

    private final TwoServers servers = new TwoServers(dev, prod);
    private final ReleaseExporter exporter = new ReleaseExporter();
    private final ReleaseImporter importer = new ReleaseImporter();

    @TempDir
    Path dir;

    @Test
    void exportsTheFrozenSnapshotWithNamesForIdsAndThePackageFile() throws Exception {
        ExportedRelease exported = exporter.export(servers.source(), "payments", "1.0.1", dir.resolve("packages.staged"), "packages/");
        servers.editSourceScript("Smoke test", "Write-Host 'changed after the release'");
        servers.addSourceVariables(VariableResource.of("Payments.AddedLater", "yes"));
        servers.editSourceLibrarySet("Payments Shared", VariableResource.of("Payments.Currency", "USD"));

        ExportedRelease again = exporter.export(servers.source(), "Payments", "1.0.1", dir.resolve("again").resolve("packages.staged"), "packages/");

        ReleaseContent content = exported.content();
        assertThat(again.content().toJson()).as("the frozen release, unaffected by later edits").isEqualTo(content.toJson());
        String json = new String(content.toJson(), StandardCharsets.UTF_8);
        assertThat(json).contains("Write-Host \\\"Smoke testing", "EUR").doesNotContain("changed after the release")
                .doesNotContain("Payments.AddedLater", "USD");
        assertThat(json).as("no server id travels").doesNotContain("Environments-", "Projects-", "ActionTemplates-",
                "LibraryVariableSets-", "Channels-", "Lifecycles-", "feeds-builtin", "variableset-");
        assertThat(json).as("sensitive values never travel").doesNotContain("dev-and-test-only-S3cret!");
        assertThat(content.schemaVersion()).isEqualTo(ReleaseContent.SCHEMA_VERSION);
        assertThat(content.source().spaceName()).isEqualTo("Default");
        assertThat(content.source().octopusVersion()).isEqualTo(dev.version());
        assertThat(content.project().lifecycleName()).isEqualTo("Dev to Test");
        assertThat(content.release().channelName()).isEqualTo("Default");
        assertThat(content.release().releaseNotes()).isEqualTo("Fixes rounding of refunds.");
        assertThat(content.release().selectedPackages()).extracting(ReleaseContent.SelectedPackageVersion::version)
                .containsExactly("1.0.1");
        assertThat(content.steps()).extracting(s -> s.name()).containsExactly("Deploy Payments API", "Smoke test", "Notify Slack");
        assertThat(content.steps().get(0).actions().get(0).packages().get(0).feedId()).isEqualTo("Octopus Server (built-in)");
        assertThat(content.references()).extracting(ReleaseContent.Reference::kind, ReleaseContent.Reference::name)
                .contains(org.assertj.core.groups.Tuple.tuple(ResourceKind.STEP_TEMPLATE, "Notify Slack"));
        assertThat(content.stepTemplates()).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("Notify Slack");
            assertThat(t.sourceVersion()).isEqualTo(1);
        });
        assertThat(content.libraryVariableSets()).singleElement().satisfies(s -> assertThat(s.name()).isEqualTo("Payments Shared"));
        assertThat(content.variables()).filteredOn(v -> v.name().equals("Payments.Url"))
                .extracting(v -> v.scope().get("Environment")).containsExactlyInAnyOrder(List.of("Development"), List.of("Test"));
        assertThat(content.sensitiveVariables()).extracting(SensitiveVariable::key).containsExactly("Payments.DbPassword");
        assertThat(ReleaseContent.fromJson(new ByteArrayInputStream(content.toJson())).toJson()).isEqualTo(content.toJson());
        com.fasterxml.jackson.databind.ObjectMapper plain = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(plain.readValue(plain.writeValueAsBytes(content), ReleaseContent.class).toJson())
                .as("any ObjectMapper reads and writes it").isEqualTo(content.toJson());

        ExportedPackage pkg = exported.packages().get(0);
        assertThat(pkg.entryPath()).isEqualTo("packages/Payments.Api.1.0.1.zip");
        byte[] bytes;
        try (java.io.InputStream in = pkg.open()) {
            bytes = in.readAllBytes();
        }
        assertThat(pkg.file().sizeBytes()).isEqualTo(bytes.length);
        assertThat(pkg.file().sha256()).isEqualTo(hex("SHA-256", bytes));
        assertThat(pkg.file().octopusHash()).isEqualTo(servers.source().packages().get("packages-Payments.Api.1.0.1").hash());
    }

    @Test
    void aSourceSendingMoreThanThePackageSizeItReportsIsCutOff() throws Exception {
        Path stored = dev.simulator().storedPackageFile("Spaces-1", "packages-Payments.Api.1.0.1");
        try (java.io.OutputStream out = Files.newOutputStream(stored, java.nio.file.StandardOpenOption.APPEND)) {
            out.write(new byte[3 * 1024 * 1024]);
        }

        assertThatThrownBy(() -> exporter.export(servers.source(), "payments", "1.0.1", dir.resolve("packages.staged"), "packages/"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("package-download-corrupt"))
                .hasMessageContaining("The source sent more of Payments.Api.1.0.1.zip than the");
        assertThat(dir.resolve("packages.staged")).as("nothing half-written stays").doesNotExist();
    }

    @Test
    void exportingWhatTheSourceDoesNotHaveSaysWhat() {
        assertThatThrownBy(() -> exporter.export(servers.source(), "billing", "1.0.0", dir.resolve("packages.staged"), "packages/"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("project-not-found"));
        assertThatThrownBy(() -> exporter.export(servers.source(), "payments", "7.7.7", dir.resolve("packages.staged"), "packages/"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type()).isEqualTo("release-not-found");
                    assertThat(e.getMessage()).contains("Payments", "7.7.7");
                });
    }

    @Test
    void importsIntoAnEmptyTargetWithTheSameProcessVariablesPackagesAndRelease(CapturedOutput output) throws Exception {
        servers.prepareTarget("Development", "Test", "Production");
        ExportedRelease exported = exporter.export(servers.source(), "payments", "1.0.1", dir.resolve("packages.staged"), "packages/");

        PreflightReport before = importer.preflight(servers.target(), exported.content(), "Production");
        assertThat(before.missing()).isEmpty();
        assertThat(before.conflicts()).isEmpty();
        assertThat(before.missingSensitiveVariables()).extracting(SensitiveVariable::key).containsExactly("Payments.DbPassword");
        assertThat(before.onlySensitiveValuesMissing()).isTrue();
        assertThat(before.canImport()).isFalse();
        assertThat(before.changes().project()).isEqualTo("created");
        assertThat(before.changes().stepsAdded()).containsExactly("Deploy Payments API", "Smoke test", "Notify Slack");
        assertThat(before.changes().variablesAdded()).contains("Payments.DbPassword (sensitive)", "Payments.LogLevel");
        assertThat(before.changes().other()).contains("Step template created: Notify Slack",
                "Library variable set created: Payments Shared", "Project group created: Payments Team");
        assertThatThrownBy(() -> importer.applyProject(servers.target(), exported.content(), Map.of()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("sensitive-values-missing"));
        assertThat(servers.target().projects().all()).as("nothing changed").isEmpty();

        int callsBefore = prod.requests().size();
        ImportedRelease imported = importer.importRelease(servers.target(), exported.content(),
                Map.of("Payments.DbPassword", SECRET), file -> TwoServers.open(exported, file));

        assertThat(imported.created()).isTrue();
        assertThat(prod.requests().subList(callsBefore, prod.requests().size()))
                .as("the import reads the target's lists once and keeps track of what it creates")
                .filteredOn(r -> r.method().equals("GET") && r.path().matches(".*/(environments|feeds|workerpools|accounts|"
                        + "certificates|libraryvariablesets|projectgroups|lifecycles)/all"))
                .hasSize(8);
        SpaceClient target = servers.target();
        ReleaseResource release = target.releases().get(imported.releaseId());
        assertThat(release.version()).isEqualTo("1.0.1");
        assertThat(release.releaseNotes()).isEqualTo("Fixes rounding of refunds.");
        assertThat(release.selectedPackages()).extracting(s -> s.actionName() + "@" + s.version())
                .containsExactly("Deploy Payments API@1.0.1");
        ExportedRelease back = exporter.export(target, "payments", "1.0.1", dir.resolve("back").resolve("packages.staged"), "packages/");
        assertThat(StepTranslation.canonical(back.content().steps()))
                .as("the same process, by names").isEqualTo(StepTranslation.canonical(exported.content().steps()));
        assertThat(back.content().variables()).as("the same variables").isEqualTo(exported.content().variables());
        assertThat(back.content().libraryVariableSets()).isEqualTo(exported.content().libraryVariableSets());
        assertThat(back.packages().get(0).file().sha256()).as("byte-identical package")
                .isEqualTo(exported.packages().get(0).file().sha256());
        assertThat(back.packages().get(0).file().octopusHash()).isEqualTo(exported.packages().get(0).file().octopusHash());
        ProjectResource project = servers.targetProject();
        assertThat(project.description()).contains(ReleaseImporter.MANAGED_MARKER);
        assertThat(prod.simulator().storedVariableValues(TwoServers.SPACE, project.variableSetId()))
                .as("the sensitive value reached the target").containsEntry("Payments.DbPassword", SECRET);
        assertThat(output.getAll()).as("and no log").doesNotContain(SECRET);
        assertThat(importer.preflight(target, exported.content(), "Production").canImport()).isTrue();
    }

    @Test
    void runningTheImportAgainCreatesNothingTwiceAndKeepsTheTargetsOwnVariables() {
        servers.prepareTarget("Development", "Test", "Production");
        ExportedRelease exported = exporter.export(servers.source(), "payments", "1.0.1", dir.resolve("packages.staged"), "packages/");
        Function<PackageFile, InputStream> files = file -> TwoServers.open(exported, file);
        importer.importRelease(servers.target(), exported.content(), Map.of("Payments.DbPassword", SECRET), files);
        SpaceClient target = servers.target();
        ProjectResource project = servers.targetProject();
        VariableSetResource variables = target.variables().get(project.variableSetId());
        List<VariableResource> own = new java.util.ArrayList<>(variables.variables());
        String production = target.environments().all().stream().filter(e -> e.name().equals("Production")).findFirst().orElseThrow().id();
        own.add(new VariableResource(null, "Payments.Url", "https://payments.example.com", "String", false, null, null, null,
                Map.of("Environment", List.of(production)), null));
        own.add(new VariableResource(null, "Prod.ApiKey", "prod-api-key-value", "Sensitive", true, null, null, null, Map.of(), null));
        target.variables().update(variables.id(), variables.withVariables(own));
        int processVersion = target.deploymentProcesses().get(project.deploymentProcessId()).version();

        PreflightReport again = importer.preflight(target, exported.content(), "Production");
        ImportedRelease second = importer.importRelease(target, exported.content(), Map.of(), files);
        ImportedPackages packages = importer.uploadPackages(target, exported.content(), files);

        assertThat(again.canImport()).isTrue();
        assertThat(again.changes().isEmpty()).as(again.changes().toString()).isTrue();
        assertThat(second.created()).isFalse();
        assertThat(packages.uploaded()).isEmpty();
        assertThat(packages.alreadyPresent()).hasSize(1);
        assertThat(servers.targetProjectsNamedPayments()).isEqualTo(1);
        assertThat(target.releases().list(0, 100).items()).hasSize(1);
        assertThat(target.packages().list(null, null, 0, 100).items()).hasSize(1);
        assertThat(target.actionTemplates().all()).hasSize(1);
        assertThat(target.libraryVariableSets().all()).hasSize(1);
        assertThat(target.deploymentProcesses().get(project.deploymentProcessId()).version())
                .as("an unchanged process is not saved again").isEqualTo(processVersion);
        Map<String, String> stored = prod.simulator().storedVariableValues(TwoServers.SPACE, project.variableSetId());
        assertThat(stored).containsEntry("Payments.DbPassword", SECRET).containsEntry("Prod.ApiKey", "prod-api-key-value")
                .containsEntry("Payments.Url{\"Environment\":[\"" + production + "\"]}", "https://payments.example.com");
    }

    @Test
    void preflightListsEverythingTheTargetLacksAtOnceAndApplyChangesNothing() {
        SpaceClient source = servers.source();
        String pool = source.workerPools().create(io.octopuses.octopus.resources.WorkerPoolResource.named("Linux workers")).id();
        String account = source.accounts().create(io.octopuses.octopus.resources.AccountResource.create("Azure prod",
                "AzureServicePrincipal", Map.of())).id();
        String certificate = source.certificates().create(io.octopuses.octopus.resources.CertificateResource.create(
                "Payments TLS", "MIIKcQIBAzCCCjcGCSqGSIb3DQEHAaCCCigEggokMIIKIDCCBN", null)).id();
        servers.addSourceVariables(
                new VariableResource(null, "Azure.Account", account, "AzureAccount", false, null, null, null, Map.of(), null),
                new VariableResource(null, "Tls.Certificate", certificate, "Certificate", false, null, null, null, Map.of(), null),
                new VariableResource(null, "Workers", pool, "WorkerPool", false, null, null, null, Map.of(), null));
        String docker = source.feeds().create(new io.octopuses.octopus.resources.FeedResource(null, "Docker Hub", null,
                "Docker", null, null, null, new java.util.HashMap<>(Map.of("FeedUri", "https://index.docker.io")))).id();
        servers.runSourceStepOn("Smoke test", pool, "octopusdeploy/worker-tools:6", docker);
        servers.releaseOnSource("2.0.0");
        ExportedRelease exported = exporter.export(source, "payments", "2.0.0", dir.resolve("packages.staged"), "packages/");
        assertThat(new String(exported.content().toJson(), StandardCharsets.UTF_8))
                .contains("Linux workers", "Azure prod", "Payments TLS", "Docker Hub")
                .doesNotContain("WorkerPools-", "Accounts-", "Certificates-", "Feeds-");

        PreflightReport report = importer.preflight(servers.target(), exported.content(), "Production");

        assertThat(report.missing()).extracting(Missing::kind, Missing::name).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(ResourceKind.ENVIRONMENT, "Production"),
                org.assertj.core.groups.Tuple.tuple(ResourceKind.ACCOUNT, "Azure prod"),
                org.assertj.core.groups.Tuple.tuple(ResourceKind.CERTIFICATE, "Payments TLS"),
                org.assertj.core.groups.Tuple.tuple(ResourceKind.WORKER_POOL, "Linux workers"),
                org.assertj.core.groups.Tuple.tuple(ResourceKind.FEED, "Docker Hub"));
        assertThat(report.missing()).filteredOn(m -> m.kind() == ResourceKind.WORKER_POOL).singleElement()
                .satisfies(m -> assertThat(m.describe()).isEqualTo(
                        "worker pool 'Linux workers' (needed by action 'Smoke test', variable Workers)"));
        assertThat(report.canImport()).isFalse();
        assertThat(report.onlySensitiveValuesMissing()).isFalse();
        assertThat(report.changes().other()).as("a lifecycle the target lacks is no blocker: the target's default is used")
                .anySatisfy(line -> assertThat(line).contains("Default Lifecycle", "Dev to Test"));
        assertThatThrownBy(() -> importer.applyProject(servers.target(), exported.content(), Map.of("Payments.DbPassword", SECRET)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type()).isEqualTo("target-not-ready");
                    assertThat(e.getMessage()).contains("worker pool 'Linux workers'", "account 'Azure prod'");
                });
        assertThat(servers.target().projects().all()).isEmpty();
        assertThat(servers.target().actionTemplates().all()).as("nothing created").isEmpty();

        servers.prepareTarget("Test");
        assertThat(importer.preflight(servers.target(), exported.content(), "Production").missing())
                .extracting(Missing::kind).contains(ResourceKind.ENVIRONMENT).doesNotContain(ResourceKind.LIFECYCLE);
        servers.target().environments().create(io.octopuses.octopus.resources.EnvironmentResource.named("Production"));
        assertThat(importer.preflight(servers.target(), exported.content(), "Production").missing())
                .as("Production is in no phase of the target's lifecycle")
                .anySatisfy(m -> assertThat(m.describe()).isEqualTo(
                        "lifecycle 'Dev to Test' (needed by a phase that allows environment 'Production')"));

        SpaceClient target = servers.target();
        String production = target.environments().all().stream().filter(e -> e.name().equals("Production")).findFirst().orElseThrow().id();
        var lifecycle = target.lifecycles().all().stream().filter(l -> l.name().equals("Dev to Test")).findFirst().orElseThrow();
        List<io.octopuses.octopus.resources.PhaseResource> phases = new java.util.ArrayList<>(lifecycle.phases());
        phases.add(new io.octopuses.octopus.resources.PhaseResource(null, "Production", List.of(), List.of(production), 0,
                false, false, null, null, null));
        target.lifecycles().update(lifecycle.id(), new io.octopuses.octopus.resources.LifecycleResource(lifecycle.id(),
                lifecycle.name(), lifecycle.slug(), lifecycle.description(), phases, lifecycle.releaseRetentionPolicy(),
                lifecycle.tentacleRetentionPolicy(), lifecycle.spaceId(), null, lifecycle.other()));
        String targetPool = target.workerPools().create(io.octopuses.octopus.resources.WorkerPoolResource.named("Linux workers")).id();
        String targetAccount = target.accounts().create(io.octopuses.octopus.resources.AccountResource.create("Azure prod",
                "AzureServicePrincipal", Map.of())).id();
        target.certificates().create(io.octopuses.octopus.resources.CertificateResource.create("Payments TLS", "MIIBfake", null));
        String targetDocker = target.feeds().create(new io.octopuses.octopus.resources.FeedResource(null, "Docker Hub", null,
                "Docker", null, null, null, new java.util.HashMap<>(Map.of("FeedUri", "https://index.docker.io")))).id();
        assertThat(importer.preflight(target, exported.content(), "Production").onlySensitiveValuesMissing()).isTrue();

        importer.importRelease(target, exported.content(), Map.of("Payments.DbPassword", SECRET), f -> TwoServers.open(exported, f));

        var smoke = target.deploymentProcesses().forProject(servers.targetProject().id()).steps().stream()
                .filter(st -> st.name().equals("Smoke test")).findFirst().orElseThrow().actions().get(0);
        assertThat(smoke.workerPoolId()).as("the target's own ids").isEqualTo(targetPool);
        assertThat(smoke.container().feedId()).isEqualTo(targetDocker);
        assertThat(target.variables().get(servers.targetProject().variableSetId()).variables())
                .filteredOn(v -> v.name().equals("Azure.Account")).singleElement()
                .satisfies(v -> assertThat(v.value()).isEqualTo(targetAccount));
    }

    @Test
    void aProjectWithTheSlugThatOctopusesDoesNotManageIsAConflict() {
        servers.prepareTarget("Development", "Test", "Production");
        SpaceClient target = servers.target();
        target.projects().create(new ProjectResource(null, "Payments", "payments", "Ours, hands off", target.projectGroups()
                .all().get(0).id(), target.lifecycles().all().get(0).id(), null, null, null, null, null, null, null, null,
                null, null, null));
        ExportedRelease exported = exporter.export(servers.source(), "payments", "1.0.1", dir.resolve("packages.staged"), "packages/");

        assertThat(importer.preflight(target, exported.content(), "Production").conflicts())
                .extracting(Conflict::type).containsExactly("project-not-managed");
        assertThatThrownBy(() -> importer.applyProject(target, exported.content(), Map.of("Payments.DbPassword", SECRET)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type()).isEqualTo("project-not-managed");
                    assertThat(e.getMessage()).contains(ReleaseImporter.MANAGED_MARKER);
                });
        assertThat(target.deploymentProcesses().forProject(servers.targetProject().id()).steps()).as("untouched").isEmpty();
    }

    @Test
    void aDifferentReleaseWithTheSameVersionIsAConflict() {
        servers.prepareTarget("Development", "Test", "Production");
        ExportedRelease exported = exporter.export(servers.source(), "payments", "1.0.1", dir.resolve("packages.staged"), "packages/");
        importer.importRelease(servers.target(), exported.content(), Map.of("Payments.DbPassword", SECRET),
                file -> TwoServers.open(exported, file));
        SpaceClient target = servers.target();
        ReleaseResource release = target.projects().release(servers.targetProject().id(), "1.0.1");
        target.releases().update(release.id(), new ReleaseResource(release.id(), release.version(), release.projectId(),
                release.channelId(), "Edited on the target", null, null, null, null, release.selectedPackages(), null,
                release.spaceId(), null, release.other()));

        assertThat(importer.preflight(target, exported.content(), "Production").conflicts())
                .extracting(Conflict::type).containsExactly("release-conflict");
        assertThatThrownBy(() -> importer.createRelease(target, exported.content()))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type()).isEqualTo("release-conflict");
                    assertThat(e.getMessage()).contains("1.0.1", "release notes");
                });
    }

    @Test
    void aPackageWithTheSameVersionButOtherBytesIsAConflict() {
        servers.prepareTarget("Development", "Test", "Production");
        ExportedRelease exported = exporter.export(servers.source(), "payments", "1.0.1", dir.resolve("packages.staged"), "packages/");
        servers.target().packages().upload("Payments.Api.1.0.1.zip",
                new ByteArrayInputStream("not the same bytes".getBytes(StandardCharsets.UTF_8)), PackagesApi.OverwriteMode.FAIL_IF_EXISTS);

        assertThat(importer.preflight(servers.target(), exported.content(), "Production").conflicts())
                .extracting(Conflict::type).containsExactly("package-conflict");
        assertThatThrownBy(() -> importer.uploadPackages(servers.target(), exported.content(), file -> TwoServers.open(exported, file)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type()).isEqualTo("package-conflict");
                    assertThat(e.getMessage()).contains("Payments.Api 1.0.1", exported.content().packages().get(0).octopusHash());
                });
    }

    @Test
    void answersLostAfterTheTargetActedThenRerunsLeaveNoDuplicates() {
        servers.prepareTarget("Development", "Test", "Production");
        ExportedRelease exported = exporter.export(servers.source(), "payments", "1.0.1", dir.resolve("packages.staged"), "packages/");
        int failures = 0;
        List<String> lostAnswers = new java.util.ArrayList<>();
        ImportedRelease imported = null;
        while (imported == null && failures < 40) {
            prod.controls().loseAnswersToWrites(1); // every run loses the answer to its first write
            try {
                imported = importer.importRelease(servers.target(), exported.content(), Map.of("Payments.DbPassword", SECRET),
                        file -> TwoServers.open(exported, file));
            } catch (RuntimeException lost) {
                failures++;
                lostAnswers.add(lost.getMessage());
            }
        }
        prod.controls().clearFailures();

        assertThat(imported).as("the import finished after " + failures + " lost answers: " + lostAnswers).isNotNull();
        assertThat(failures).as("writes whose answers were lost").isGreaterThanOrEqualTo(8);
        SpaceClient target = servers.target();
        assertThat(servers.targetProjectsNamedPayments()).isEqualTo(1);
        assertThat(target.releases().list(0, 100).items()).hasSize(1);
        assertThat(target.packages().list(null, null, 0, 100).items()).hasSize(1);
        assertThat(target.actionTemplates().all()).hasSize(1);
        assertThat(target.libraryVariableSets().all()).hasSize(1);
        assertThat(target.projectGroups().all()).extracting(g -> g.name()).containsOnlyOnce("Payments Team");
        ExportedRelease back = exporter.export(target, "payments", "1.0.1", dir.resolve("back").resolve("packages.staged"), "packages/");
        assertThat(StepTranslation.canonical(back.content().steps())).isEqualTo(StepTranslation.canonical(exported.content().steps()));
        assertThat(back.content().variables()).isEqualTo(exported.content().variables());
        assertThat(importer.preflight(target, exported.content(), "Production").changes().isEmpty()).isTrue();
    }

    private static String hex(String algorithm, byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    }
}
