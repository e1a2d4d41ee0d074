package io.octopuses.octopus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.octopuses.octopus.errors.OctopusNotFoundException;
import io.octopuses.octopus.errors.OctopusValidationException;
import io.octopuses.octopus.resources.CreateRunbookRunCommandV1;
import io.octopuses.octopus.resources.ProjectResource;
import io.octopuses.octopus.resources.RunbookResource;
import io.octopuses.octopus.resources.RunbookRunResource;
import io.octopuses.octopus.resources.RunbookRunServerTask;
import io.octopuses.octopus.resources.RunbookSnapshotResource;
import io.octopuses.sim.SimulatorExtension;
import io.octopuses.sim.SimulatorSeed;

/** Runbooks found by name, published when they are not, and run by name with prompted values, against the DEV seed. */
class RunbooksApiTest {

    @RegisterExtension
    static final SimulatorExtension sim = SimulatorExtension.builder().seed(SimulatorSeed.DEV)
            .controls(c -> c.stepDuration(Duration.ofMillis(20)))
            .build();
    private static final ClientFixture octopus = new ClientFixture(sim);
    private ProjectResource payments;

    @BeforeEach
    void findPayments() {
        payments = octopus.space().projects().get("payments");
    }

    @Test
    void aRunbookIsFoundByNamePublishedOnceAndRunWithPromptedValues() {
        TestRunbooks.withScript(octopus.space(), payments.id(), "Upgrade Octopus", "Write-Host \"Upgrading to #{TargetVersion}\"");

        RunbookResource runbook = octopus.space().runbooks().findByName(payments.id(), "upgrade octopus").orElseThrow();
        assertThat(runbook.isPublished()).isFalse();
        RunbookSnapshotResource published = octopus.space().runbooks().publishedSnapshot(runbook, "Snapshot for 2026.2.1");
        RunbookResource reread = octopus.space().runbooks().get(runbook.id());
        assertThat(reread.publishedRunbookSnapshotId()).isEqualTo(published.id());
        assertThat(octopus.space().runbooks().publishedSnapshot(reread, "another").id()).isEqualTo(published.id());

        RunbookRunServerTask started = octopus.space().runbooks().runV1(CreateRunbookRunCommandV1.of(octopus.space().spaceId(),
                "Payments", "Upgrade Octopus", "Test", null, Map.of("TargetVersion", "2026.2.1"))).runbookRunServerTasks().get(0);

        assertThat(octopus.waitForTask(started.serverTaskId()).state()).isEqualTo("Success");
        RunbookRunResource run = octopus.space().runbooks().run(started.runbookRunId());
        assertThat(run.runbookSnapshotId()).isEqualTo(published.id());
        assertThat(run.formValues()).containsEntry("TargetVersion", "2026.2.1");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        octopus.space().tasks().copyRawLog(started.serverTaskId(), log);
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("Upgrading to 2026.2.1");
    }

    @Test
    void unknownRunbooksAndUnpublishedOnesAreRefusedWithTheirReason() {
        TestRunbooks.withScript(octopus.space(), payments.id(), "Restart", "Write-Host restarting");

        assertThat(octopus.space().runbooks().findByName(payments.id(), "No such runbook")).isEmpty();
        assertThatThrownBy(() -> octopus.space().runbooks().runV1(CreateRunbookRunCommandV1.of(octopus.space().spaceId(),
                "Payments", "No such runbook", "Test", null, Map.of())))
                .isInstanceOf(OctopusNotFoundException.class).hasMessageContaining("No such runbook");
        assertThatThrownBy(() -> octopus.space().runbooks().runV1(CreateRunbookRunCommandV1.of(octopus.space().spaceId(),
                "Payments", "Restart", "Test", null, Map.of())))
                .isInstanceOf(OctopusValidationException.class).hasMessageContaining("has no published snapshot");
    }
}
