package io.octopuses.bench;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.octopuses.bundle.BundleDraft;
import io.octopuses.bundle.BundleInbox;
import io.octopuses.bundle.Bundles;
import io.octopuses.bundle.OpenedBundle;
import io.octopuses.bundle.ReceivedBundle;
import io.octopuses.bundle.SealedBundle;
import io.octopuses.farm.FarmClients;
import io.octopuses.octopus.SpaceClient;
import io.octopuses.octopus.areas.PackagesApi;
import io.octopuses.octopus.resources.CreateReleaseCommandV1;
import io.octopuses.promotion.PromotionBundles;
import io.octopuses.promotion.copy.ExportedPackage;
import io.octopuses.promotion.copy.ExportedRelease;
import io.octopuses.promotion.copy.ImportedPackages;
import io.octopuses.promotion.copy.ImportedRelease;
import io.octopuses.promotion.copy.ReleaseExporter;
import io.octopuses.promotion.copy.ReleaseImporter;

/**
 * One release with a large package carried from one simulated Octopus server to another the way a promotion carries
 * it, step by step, with the application's own beans: export (download, hash), seal, receive (verify), import
 * (project, package upload streamed from the bundle entry, release). Prints each step's time and MiB/s next to
 * {@code sha256sum} and {@code openssl dgst -sha256} of the same file, and the heap. Run it with a small heap to show
 * that no package passes through memory (docs/benchmarks.md):
 *
 * <pre>./mvnw -o -Pbench-promotion test-compile exec:exec                      # 1024 MiB, 2 rounds, -Xmx256m
 * ./mvnw -o -Pbench-promotion test-compile exec:exec -Dbench.args="256 1"   # MiB, rounds</pre>
 */
public final class PromotionTransferBenchmark {

    private static final String VERSION = "9.9.9";
    private static final String PACKAGE = "Payments.Api";

    private PromotionTransferBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long mib = args.length > 0 ? Long.parseLong(args[0]) : 1024;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Path dir = Files.createTempDirectory(Path.of(args.length > 2 ? args[2] : System.getProperty("java.io.tmpdir")),
                "promotion-bench-");
        try (BenchApp app = BenchApp.start(dir.resolve("data"), Map.of())) {
            run(app, dir, mib, rounds);
        } finally {
            BenchApp.deleteTree(dir);
        }
        System.exit(0);
    }

    private static void run(BenchApp app, Path dir, long mib, int rounds) throws Exception {
        FarmClients clients = app.bean(FarmClients.class);
        SpaceClient source = clients.forServer(BenchApp.DEV).space(BenchApp.SPACE);
        SpaceClient target = clients.forServer(BenchApp.PROD).space(BenchApp.SPACE);
        ReleaseExporter exporter = app.bean(ReleaseExporter.class);
        ReleaseImporter importer = app.bean(ReleaseImporter.class);
        Bundles bundles = app.bean(Bundles.class);
        BundleInbox inbox = app.bean(BundleInbox.class);

        Path file = Bench.randomFile(dir.resolve(PACKAGE + "." + VERSION + ".zip"), mib << 20, 42);
        long push = Bench.millis(() -> source.packages().upload(file, PackagesApi.OverwriteMode.FAIL_IF_EXISTS));
        source.releases().createV1(new CreateReleaseCommandV1(null, source.spaceName(), "Payments", VERSION, null,
                VERSION, null, "benchmark", null, null, null, null, null));
        System.out.printf("Promotion transfer benchmark: %d MiB package, %d cores, max heap %d MiB, %s%n", mib,
                Runtime.getRuntime().availableProcessors(), BenchApp.maxHeapMiB(), System.getProperty("java.vm.name")
                        + " " + System.getProperty("java.version"));
        System.out.printf("set-up: pushed the package to the source in %d ms; heap used %d MiB after start-up%n", push,
                BenchApp.usedHeapMiB());

        for (int round = 1; round <= rounds; round++) {
            BenchApp.resetPeaks();
            long sha256sum = Bench.millis(() -> Bench.command("sha256sum", file.toString()));
            long openssl = Bench.millis(() -> Bench.command("openssl", "dgst", "-sha256", file.toString()));
            // what the HTTP transfers cost with no work of ours: the same client and simulators, bytes discarded / sent
            // from the file
            long download = Bench.millis(() -> source.packages().downloadTo("packages-" + PACKAGE + "." + VERSION,
                    OutputStream.nullOutputStream()));
            Path copy = dir.resolve(PACKAGE + ".9.9.8.zip");
            Files.move(file, copy);
            long upload = Bench.millis(() -> target.packages().upload(copy, PackagesApi.OverwriteMode.FAIL_IF_EXISTS));
            Files.move(copy, file);
            target.packages().delete("packages-" + PACKAGE + ".9.9.8");
            Path scratch = dir.resolve("new-file-" + round);
            long newFile = Bench.millis(() -> Bench.writeNewFile(scratch, mib << 20));
            Map<String, Long> references = new LinkedHashMap<>();
            references.put("sha256sum (the target's reference)", sha256sum);
            references.put("openssl dgst -sha256 (practical limit)", openssl);
            references.put("HTTP download alone (bytes discarded)", download);
            references.put("HTTP upload alone (from the file)", upload);
            references.put("write a new file of that size (the machine)", newFile);
            Map<String, Long> steps = new LinkedHashMap<>();
            Path export = dir.resolve("export-" + round);
            ExportedRelease[] exported = new ExportedRelease[1];
            steps.put("export (download; SHA-256, SHA-1, write alongside)", Bench.millis(() -> exported[0] = exporter.export(source, "payments",
                    VERSION, export.resolve("packages.staged"), "packages/")));
            ExportedPackage pkg = exported[0].packages().get(0);
            Path sealedFile = dir.resolve("round-" + round + ".bundle");
            SealedBundle[] sealed = new SealedBundle[1];
            steps.put("seal (in place: append, sign)", Bench.millis(() -> sealed[0] = bundles.seal(BundleDraft.of(
                            "promotion-benchmark", BenchApp.DEV, Duration.ofHours(1))
                    .bytes(PromotionBundles.RELEASE_ENTRY, exported[0].content().toJson())
                    .bytes(PromotionBundles.APPROVALS_ENTRY, "[]".getBytes())
                    .staged(pkg.archive(), pkg.entryPath(), pkg.file().sha256(), pkg.file().sizeBytes()), sealedFile)));
            ReceivedBundle[] received = new ReceivedBundle[1];
            steps.put("receive in-process (signature, structure)", Bench.millis(() -> received[0] = inbox.receiveSealedHere(sealedFile)));
            try (OpenedBundle bundle = inbox.open(received[0].bundleId())) {
                steps.put("import: project", Bench.millis(() -> importer.applyProject(target, exported[0].content(),
                        Map.of("Payments.DbPassword", "benchmark"))));
                ImportedPackages[] uploaded = new ImportedPackages[1];
                steps.put("import: package upload (read, SHA-256, send)", Bench.millis(() -> uploaded[0] = importer.uploadPackages(
                        target, exported[0].content(), f -> bundle.entry(PromotionBundles.PACKAGES_DIR + f.fileName()))));
                ImportedRelease[] release = new ImportedRelease[1];
                steps.put("import: release", Bench.millis(() -> release[0] = importer.createRelease(target, exported[0].content())));
                if (uploaded[0].uploaded().size() != 1 || !release[0].created()) {
                    throw new IllegalStateException("expected one upload and a new release: " + uploaded[0] + ", " + release[0]);
                }
                Files.deleteIfExists(bundle.file());
                // the next round uploads and creates again
                target.packages().delete("packages-" + PACKAGE + "." + VERSION);
                target.releases().delete(release[0].releaseId());
            }
            BenchApp.deleteTree(export);
            print(round, mib, references, steps);
        }
    }

    private static void print(int round, long mib, Map<String, Long> references, Map<String, Long> steps) {
        long sha256sum = references.values().iterator().next();
        long whole = steps.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("%nround %d, %d MiB, heap peak %d MiB of %d (used now %d)%n", round, mib, BenchApp.peakHeapMiB(),
                BenchApp.maxHeapMiB(), BenchApp.usedHeapMiB());
        System.out.printf("%-44s | %7s | %7s | %s%n", "step", "ms", "MiB/s", "x sha256sum throughput");
        List<String[]> rows = new ArrayList<>();
        references.forEach((k, v) -> rows.add(new String[] {k, String.valueOf(v)}));
        steps.forEach((k, v) -> rows.add(new String[] {k, String.valueOf(v)}));
        List<Long> times = List.copyOf(steps.values());
        rows.add(new String[] {"= export: release to bundle (export + seal)", String.valueOf(times.get(0) + times.get(1))});
        rows.add(new String[] {"= import: bundle to release (receive + import)",
                String.valueOf(whole - times.get(0) - times.get(1))});
        rows.add(new String[] {"export + seal + receive + import (whole)", String.valueOf(whole)});
        for (String[] row : rows) {
            long ms = Long.parseLong(row[1]);
            System.out.printf("%-44s | %7d | %7.0f | %.2f%n", row[0], ms, mib * 1000.0 / Math.max(ms, 1),
                    (double) sha256sum / Math.max(ms, 1));
        }
    }
}
