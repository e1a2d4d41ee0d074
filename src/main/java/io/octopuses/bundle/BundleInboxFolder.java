package io.octopuses.bundle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.octopuses.cluster.ClusterJobs;
import io.octopuses.problem.DomainException;

/**
 * The watched inbox folder ({@code octopuses.bundles.inbox-dir}): once per cluster and scan, every {@code *.bundle}
 * file directly in it that has not changed for {@code inbox-settle-time} is received (a copy is stored) and then
 * moved to {@code processed/}; a refused one goes to {@code rejected/} with {@code <name>.reason.txt} beside it. Files
 * being written are left alone: write them under another name (e.g. {@code x.bundle.part}) and rename when complete,
 * or rely on the settle time. A file that cannot be read now (I/O) stays for the next scan.
 */
@Component
class BundleInboxFolder {

    private static final Logger log = LoggerFactory.getLogger(BundleInboxFolder.class);

    private final BundleInbox inbox;
    private final BundleProperties properties;
    private final ClusterJobs jobs;
    private final Clock clock;

    BundleInboxFolder(BundleInbox inbox, BundleProperties properties, ClusterJobs jobs, Clock clock) {
        this.inbox = inbox;
        this.properties = properties;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** One scan, if no other node scans right now; what happened to each file taken. */
    List<String> scanOnce() {
        List<String> outcomes = new ArrayList<>();
        if (properties.inboxDir() == null) {
            return outcomes;
        }
        jobs.runOnce("bundle-inbox-folder", Duration.ZERO, Duration.ofHours(1), () -> scan(properties.inboxDir(), outcomes));
        return outcomes;
    }

    private void scan(Path folder, List<String> outcomes) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        List<Path> ready = new ArrayList<>();
        Instant settled = clock.instant().minus(properties.inboxSettleTime());
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.bundle")) {
            for (Path file : files) {
                if (Files.isRegularFile(file) && !Files.getLastModifiedTime(file).toInstant().isAfter(settled)) {
                    ready.add(file);
                }
            }
        } catch (IOException e) {
            log.warn("Cannot list the bundle inbox folder {}: {}", folder, e.toString());
            return;
        }
        ready.sort(null);
        for (Path file : ready) {
            outcomes.add(take(folder, file));
        }
    }

    private String take(Path folder, Path file) {
        String name = file.getFileName().toString();
        try {
            ReceivedBundle received = inbox.receiveCopy(file);
            moveInto(folder.resolve("processed"), file);
            log.info("Took {} from the inbox folder: bundle {}", name, received.bundleId());
            return name + ": received " + received.bundleId();
        } catch (DomainException refused) {
            try {
                Path moved = moveInto(folder.resolve("rejected"), file);
                Files.writeString(moved.resolveSibling(moved.getFileName() + ".reason.txt"),
                        refused.type() + "\n" + refused.getMessage() + "\n" + refused.fix() + "\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                log.warn("Could not move the refused bundle {} to rejected/: {}", name, e.toString());
            }
            log.warn("Refused {} from the inbox folder ({}): {}", name, refused.type(), refused.getMessage());
            return name + ": " + refused.type();
        } catch (IOException | RuntimeException e) {
            log.warn("Could not take {} from the inbox folder now; trying again at the next scan", name, e);
            return name + ": retry";
        }
    }

    /** Moves the file into the directory, under a new name if one of that name is there already. */
    private static Path moveInto(Path directory, Path file) throws IOException {
        Files.createDirectories(directory);
        Path target = directory.resolve(file.getFileName());
        for (int n = 1; Files.exists(target); n++) {
            target = directory.resolve(file.getFileName() + "." + n);
        }
        BundleWriter.move(file, target);
        return target;
    }

    /** The schedule: on when an inbox folder is configured, off in tests (which call {@link #scanOnce()}). */
    @Component
    @ConditionalOnExpression("'${octopuses.bundles.inbox-dir:}' != '' && ${octopuses.bundles.inbox-schedule:true}")
    static class Schedule {

        private final BundleInboxFolder folder;

        Schedule(BundleInboxFolder folder) {
            this.folder = folder;
        }

        @Scheduled(initialDelayString = "${octopuses.bundles.inbox-scan-interval:30s}",
                fixedDelayString = "${octopuses.bundles.inbox-scan-interval:30s}")
        void scan() {
            try {
                folder.scanOnce();
            } catch (RuntimeException failed) {
                log.error("Scanning the bundle inbox folder failed; the next scan tries again", failed);
            }
        }
    }
}
