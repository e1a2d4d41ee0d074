package io.octopuses.promotion.copy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.octopuses.bench.Bench;
import io.octopuses.octopus.areas.PackagesApi;
import io.octopuses.sim.SimulatorExtension;
import io.octopuses.sim.SimulatorSeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A package far larger than the heap goes from source to target through export and upload, streamed. Off by
 * default (it moves the package three times); run it with a small heap:
 * <pre>./mvnw -Dtest=LargePackageCopyTest -Doctopuses.largePackageMiB=1024 -DargLine=-Xmx256m test</pre>
 */
class LargePackageCopyTest {

    private static final String SIZE_PROPERTY = "octopuses.largePackageMiB";

    @RegisterExtension
    final SimulatorExtension dev = SimulatorExtension.builder().name("dev").seed(SimulatorSeed.DEV).build();
    @RegisterExtension
    final SimulatorExtension prod = SimulatorExtension.builder().name("prod").seed(SimulatorSeed.EMPTY).build();

    @TempDir
    Path dir;

    @Test
    void aPackageLargerThanTheHeapIsCopiedStreamed() throws Exception {
        long mib = Long.getLong(SIZE_PROPERTY, 0);
        assumeTrue(mib > 0, "set -D" + SIZE_PROPERTY + "=1024 (and -DargLine=-Xmx256m) to run");
        TwoServers servers = new TwoServers(dev, prod);
        Path file = dir.resolve("Payments.Api.9.0.0.zip");
        Bench.randomFile(file, mib << 20, 42);
        String hash = servers.source().packages().upload(file, PackagesApi.OverwriteMode.FAIL_IF_EXISTS).hash();
        Files.delete(file);
        servers.releaseOnSource("9.0.0");
        servers.prepareTarget("Development", "Test", "Production");

        ExportedRelease exported = new ReleaseExporter().export(servers.source(), "payments", "9.0.0", dir.resolve("export").resolve("packages.staged"), "packages/");
        ReleaseImporter importer = new ReleaseImporter();
        importer.applyProject(servers.target(), exported.content(), Map.of("Payments.DbPassword", "large-package-test"));
        ImportedPackages packages = importer.uploadPackages(servers.target(), exported.content(),
                f -> TwoServers.open(exported, f));

        assertThat(exported.packages().get(0).file().sizeBytes()).isEqualTo(mib * 1024 * 1024);
        assertThat(exported.packages().get(0).file().octopusHash()).isEqualTo(hash);
        assertThat(packages.uploaded()).hasSize(1);
        assertThat(servers.target().packages().get("packages-Payments.Api.9.0.0").hash()).isEqualTo(hash);
        System.out.printf("copied %d MiB with a max heap of %d MiB%n", mib, Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }
}
