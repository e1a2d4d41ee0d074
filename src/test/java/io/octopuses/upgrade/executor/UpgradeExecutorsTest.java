package io.octopuses.upgrade.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.octopuses.upgrade.executor.UpgradeExecutorsProperties.Entry;

class UpgradeExecutorsTest {

    private static final List<UpgradeExecutor> EXECUTORS = List.of(new Named("shell"), new Named("http"));

    private static Entry entry(List<String> servers, List<String> zones, String type, String marker) {
        return new Entry(servers, zones, type, Duration.ofMinutes(30), Map.of("marker", marker));
    }

    private static UpgradeExecutors executors(Entry... entries) {
        return new UpgradeExecutors(new UpgradeExecutorsProperties(List.of(entries)), EXECUTORS);
    }

    private static String marker(UpgradeExecutors executors, String server, String zone) {
        return executors.choose(server, zone).settings().settings().get("marker");
    }

    @Test
    void aServerEntryBeatsAZoneEntryWhichBeatsTheDefault() {
        UpgradeExecutors executors = executors(
                entry(List.of(), List.of(), "shell", "default"),
                entry(List.of(), List.of("pci-prod"), "http", "zone"),
                entry(List.of(), List.of("pci-prod"), "shell", "second zone entry"),
                entry(List.of("prod-eu", "prod-us"), List.of(), "http", "server"));

        assertThat(marker(executors, "prod-eu", "pci-prod")).isEqualTo("server");
        assertThat(executors.choose("prod-eu", "pci-prod").executor().type()).isEqualTo("http");
        assertThat(marker(executors, "prod-asia", "pci-prod")).isEqualTo("zone");
        assertThat(marker(executors, "dev", "dev")).isEqualTo("default");
        assertThat(marker(executors, "dev", null)).isEqualTo("default");
        assertThat(executors.choose("dev", "dev").settings().timeout()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void aServerNoEntryCoversIsAnErrorSayingHowToConfigureOne() {
        UpgradeExecutors executors = executors(entry(List.of(), List.of("pci-prod"), "shell", "zone"));

        assertThatThrownBy(() -> executors.choose("dev", "dev")).isInstanceOf(ExecutorException.class)
                .hasMessageContaining("No upgrade executor is configured for server 'dev' (zone 'dev')")
                .hasMessageContaining("octopuses.upgrade.executors[N]");
    }

    @Test
    void anUnknownTypeStopsTheStart() {
        assertThatThrownBy(() -> executors(entry(List.of("prod-eu"), List.of(), "shel", "x")))
                .isInstanceOf(ExecutorException.class)
                .hasMessage("octopuses.upgrade.executors[0].type is 'shel', which is no upgrade executor: use one of "
                        + "[http, shell] (docs/upgrades.md)");
        assertThatThrownBy(() -> executors(entry(List.of("prod-eu"), List.of(), null, "x")))
                .hasMessageContaining("octopuses.upgrade.executors[0] has no type");
    }

    @Test
    void anExecutorsOwnSettingsAreCheckedAtTheStart() {
        List<UpgradeExecutor> real = List.of(new HttpUpgradeExecutor(Clock.systemUTC()));
        UpgradeExecutorsProperties properties = new UpgradeExecutorsProperties(List.of(
                new Entry(List.of(), List.of(), "http", Duration.ofMinutes(5), Map.of("url", "file:///etc/passwd"))));

        assertThatThrownBy(() -> new UpgradeExecutors(properties, real))
                .hasMessageStartingWith("octopuses.upgrade.executors[0] (http): settings.url must be an http://");
    }

    @Test
    void aRunIsCheckedByTheExecutorThatStartedIt() {
        UpgradeExecutors executors = executors(entry(List.of("prod-eu"), List.of(), "http", "server"));
        UpgradeJob job = new UpgradeJob("c", UpgradeJob.Action.UPGRADE, "prod-eu", "n", "u", "z", "1", "2");
        ExecutorRun byShell = new ExecutorRun("shell", "node/1", Instant.now(), ExecutorRun.State.RUNNING, "", null);

        assertThat(executors.start(job).type()).isEqualTo("http");
        assertThatThrownBy(() -> executors.check(byShell, job))
                .hasMessageContaining("started by the shell executor, but the server is now configured for http");
    }

    /** An executor that only has a type and starts runs that have ended at once. */
    private record Named(String type) implements UpgradeExecutor {

        @Override
        public ExecutorRun start(UpgradeJob job, ExecutorSettings settings) {
            return new ExecutorRun(type, "h", Instant.now(), ExecutorRun.State.SUCCEEDED, "", null);
        }

        @Override
        public ExecutorRun check(ExecutorRun run, UpgradeJob job, ExecutorSettings settings) {
            return run;
        }
    }
}
