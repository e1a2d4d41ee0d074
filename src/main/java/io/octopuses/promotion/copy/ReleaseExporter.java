package io.octopuses.promotion.copy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.octopuses.bundle.FanOutCopy;
import io.octopuses.bundle.StagedArchive;
import io.octopuses.octopus.SpaceClient;
import io.octopuses.octopus.resources.ActionTemplateResource;
import io.octopuses.octopus.resources.ChannelResource;
import io.octopuses.octopus.resources.DeploymentActionResource;
import io.octopuses.octopus.resources.DeploymentProcessResource;
import io.octopuses.octopus.resources.DeploymentStepResource;
import io.octopuses.octopus.resources.LibraryVariableSetResource;
import io.octopuses.octopus.resources.PackageReferenceResource;
import io.octopuses.octopus.resources.PackageResource;
import io.octopuses.octopus.resources.ProjectResource;
import io.octopuses.octopus.resources.ReleaseResource;
import io.octopuses.octopus.resources.SelectedPackage;
import io.octopuses.octopus.resources.VariableSetResource;
import io.octopuses.problem.DomainException;
import io.octopuses.problem.ProblemKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Source side of a promotion: reads one release as it was frozen (its deployment process and variable snapshots,
 * not the project's current ones), the library variable sets and step templates it uses, its channel, lifecycle and
 * notes, and the built-in feed packages it selected, and writes it as a {@link ReleaseContent} plus the package files.
 * Reads only; never changes the source.
 */
@Service
public class ReleaseExporter {

    private static final Logger log = LoggerFactory.getLogger(ReleaseExporter.class);
    private static final String BUILT_IN_FEED_TYPE = "BuiltIn";

    /**
     * Exports release {@code version} of the project {@code projectSlugOrName}, writing its packages into the staged
     * archive {@code archive} (written anew; its folder created if absent), each an entry {@code entryPrefix +
     * fileName} streamed to disk with its SHA-256, SHA-1 and size computed on the way: the packages of a bundle to be
     * sealed in place ({@link io.octopuses.bundle.StagedArchive}).
     */
    public ExportedRelease export(SpaceClient source, String projectSlugOrName, String version, Path archive,
                                  String entryPrefix) {
        ProjectResource project = ProjectLookup.bySlugOrName(source, projectSlugOrName)
                .orElseThrow(() -> CopyProblems.notFound(
                "project-not-found", "Project not found",
                "The source space " + source.spaceName() + " has no project '" + projectSlugOrName + "'.",
                "Check the project's slug or name on the source server."));
        ReleaseResource release = find(() -> source.projects().release(project.id(), version), () -> CopyProblems.notFound(
                "release-not-found", "Release not found",
                "Project " + project.name() + " has no release " + version + " on the source.",
                "Check the version; create the release on the source first."));
        NameIndex index = NameIndex.of(source, project.id());
        DeploymentProcessResource process = source.deploymentProcesses().get(release.projectDeploymentProcessSnapshotId());
        List<DeploymentStepResource> frozenSteps = process.steps() == null ? List.of() : process.steps();
        StepTranslation.Named steps = StepTranslation.toNames(frozenSteps, index);

        Map<String, String> actionNames = new HashMap<>();
        frozenSteps.forEach(s -> actions(s).forEach(a -> actionNames.put(a.id(), a.name())));
        VariableSetResource variables = source.variables().get(release.projectVariableSetSnapshotId());
        List<VariableContent> projectVariables = VariableTranslation.toContent(variables, index, actionNames,
                Map.of(project.id(), project.name()), true);

        List<ReleaseContent.LibrarySet> librarySets = new ArrayList<>();
        for (String snapshotId : release.libraryVariableSetSnapshotIds() == null ? List.<String>of() : release.libraryVariableSetSnapshotIds()) {
            VariableSetResource snapshot = source.variables().get(snapshotId);
            LibraryVariableSetResource set = source.libraryVariableSets().get(snapshot.ownerId());
            librarySets.add(new ReleaseContent.LibrarySet(set.name(), set.description(),
                    VariableTranslation.toContent(snapshot, index, Map.of(), Map.of(), true)));
        }

        ChannelResource channel = source.channels().get(release.channelId());
        Set<String> channelIds = new LinkedHashSet<>();
        channelIds.add(channel.id());
        frozenSteps.forEach(s -> actions(s).forEach(a -> {
            if (a.channels() != null) {
                channelIds.addAll(a.channels());
            }
        }));
        if (variables.variables() != null) {
            variables.variables().forEach(v -> channelIds.addAll(v.scope() == null ? List.of()
                    : v.scope().getOrDefault("Channel", List.of())));
        }
        List<ReleaseContent.Channel> channels = new ArrayList<>();
        for (String id : channelIds) {
            ChannelResource c = id.equals(channel.id()) ? channel : source.channels().get(id);
            channels.add(new ReleaseContent.Channel(c.name(), c.description(),
                    c.lifecycleId() == null ? null : index.name(ResourceKind.LIFECYCLE, c.lifecycleId()).orElse(null),
                    Boolean.TRUE.equals(c.isDefault())));
        }

        List<ReleaseContent.StepTemplate> templates = stepTemplates(source, frozenSteps);
        List<ReleaseContent.SelectedPackageVersion> selected = new ArrayList<>();
        for (SelectedPackage p : release.selectedPackages() == null ? List.<SelectedPackage>of() : release.selectedPackages()) {
            selected.add(new ReleaseContent.SelectedPackageVersion(p.actionName(), p.stepName(),
                    p.packageReferenceName() == null ? "" : p.packageReferenceName(), p.version()));
        }
        List<ExportedPackage> files = downloadPackages(source, frozenSteps, selected, index, archive, entryPrefix);

        String lifecycle = index.name(ResourceKind.LIFECYCLE, project.lifecycleId()).orElse(null);
        ReleaseContent content = new ReleaseContent(ReleaseContent.SCHEMA_VERSION,
                new ReleaseContent.Source(source.server().connection().baseUrl().toString(), source.spaceName(),
                        source.server().system().root().version()),
                new ReleaseContent.Project(project.name(), project.slug(), project.description(),
                        index.name(ResourceKind.PROJECT_GROUP, project.projectGroupId()).orElse(null), lifecycle,
                        librarySets.stream().map(ReleaseContent.LibrarySet::name).toList()),
                new ReleaseContent.Release(release.version(), channel.name(), release.releaseNotes(), selected),
                channels, steps.steps(), steps.references(), projectVariables, librarySets, templates,
                files.stream().map(ExportedPackage::file).toList(), index.names(ResourceKind.ENVIRONMENT));
        log.info("Exported release {} of {} from {}: {} steps, {} variables, {} library sets, {} step templates, {} packages",
                version, project.name(), source.spaceName(), content.steps().size(), projectVariables.size(),
                librarySets.size(), templates.size(), files.size());
        return new ExportedRelease(content, files, archive);
    }

    private static List<DeploymentActionResource> actions(DeploymentStepResource step) {
        return step.actions() == null ? List.of() : step.actions();
    }

    /** Each step template the steps use, at the version they use, once. */
    private static List<ReleaseContent.StepTemplate> stepTemplates(SpaceClient source, List<DeploymentStepResource> steps) {
        Map<String, ReleaseContent.StepTemplate> out = new LinkedHashMap<>();
        for (DeploymentStepResource step : steps) {
            for (DeploymentActionResource action : actions(step)) {
                Object id = action.properties() == null ? null : action.properties().get(StepTranslation.TEMPLATE_ID);
                if (!(id instanceof String templateId) || out.containsKey(templateId)) {
                    continue;
                }
                Object version = action.properties().get(StepTranslation.TEMPLATE_VERSION);
                ActionTemplateResource t = version == null ? source.actionTemplates().get(templateId)
                        : source.actionTemplates().version(templateId, Integer.parseInt(version.toString()));
                out.put(templateId, new ReleaseContent.StepTemplate(t.name(), t.version() == null ? 0 : t.version(),
                        t.actionType(), t.description(), t.properties(), t.parameters(), t.packages()));
            }
        }
        return List.copyOf(out.values());
    }

    /** The built-in feed packages the release selected, each downloaded once. */
    private List<ExportedPackage> downloadPackages(SpaceClient source, List<DeploymentStepResource> steps,
                                                   List<ReleaseContent.SelectedPackageVersion> selected, NameIndex index,
                                                   Path archive, String entryPrefix) {
        try {
            if (archive.getParent() != null) {
                Files.createDirectories(archive.getParent());
            }
            Files.deleteIfExists(archive);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + archive + " for the packages", e);
        }
        Set<String> builtInFeeds = new java.util.HashSet<>();
        source.feeds().all().stream().filter(f -> BUILT_IN_FEED_TYPE.equals(f.feedType())).forEach(f -> builtInFeeds.add(f.id()));
        Map<String, ExportedPackage> out = new LinkedHashMap<>();
        for (ReleaseContent.SelectedPackageVersion choice : selected) {
            PackageReferenceResource reference = packageReference(steps, choice);
            if (reference == null || !builtInFeeds.contains(reference.feedId())) {
                continue; // an external feed: the target reads it from its own feed of that name
            }
            String octopusId = "packages-" + reference.packageId() + "." + choice.version();
            if (!out.containsKey(octopusId.toLowerCase(java.util.Locale.ROOT))) {
                out.put(octopusId.toLowerCase(java.util.Locale.ROOT), download(source, octopusId, archive, entryPrefix));
            }
        }
        return List.copyOf(out.values());
    }

    private static PackageReferenceResource packageReference(List<DeploymentStepResource> steps,
                                                             ReleaseContent.SelectedPackageVersion choice) {
        for (DeploymentStepResource step : steps) {
            for (DeploymentActionResource action : actions(step)) {
                if (!action.name().equalsIgnoreCase(choice.actionName()) || action.packages() == null) {
                    continue;
                }
                for (PackageReferenceResource reference : action.packages()) {
                    String name = reference.name() == null ? "" : reference.name();
                    if (name.equals(choice.packageReferenceName())) {
                        return reference;
                    }
                }
            }
        }
        return null;
    }

    /**
     * Streams one package into the staged archive, hashing it on the way (SHA-256 for the bundle, SHA-1 to check
     * Octopus's), the digests and the write each on their own thread while the download goes on: one after the
     * other in one thread they made the export three times slower than the download (docs/benchmarks.md).
     */
    private ExportedPackage download(SpaceClient source, String octopusId, Path archive, String entryPrefix) {
        PackageResource pkg = find(() -> source.packages().get(octopusId), () -> CopyProblems.notFound("package-not-found",
                "Package not found", "The release uses " + octopusId + ", which the source's built-in feed no longer has.",
                "Push the package to the source's built-in feed again, then export again."));
        String fileName = pkg.packageId() + "." + pkg.version() + pkg.fileExtension();
        String entryPath = entryPrefix + fileName;
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            long size;
            try (InputStream in = new ReportedSize(source.packages().download(octopusId), pkg.packageSizeBytes(), fileName)) {
                size = StagedArchive.append(archive, entryPath, in, List.of(FanOutCopy.of(sha256), FanOutCopy.of(sha1)));
            } catch (ReportedSize.Exceeded e) {
                Files.deleteIfExists(archive);
                throw new DomainException(ProblemKind.UNAVAILABLE, "package-download-corrupt", "Package download corrupt",
                        e.getMessage(), "Export again; if it repeats, check the source's package store.");
            }
            String octopusHash = java.util.HexFormat.of().formatHex(sha1.digest());
            if (pkg.hash() != null && !pkg.hash().equalsIgnoreCase(octopusHash)) {
                Files.deleteIfExists(archive); // unusable now: the export is done again from the start
                throw new DomainException(ProblemKind.UNAVAILABLE, "package-download-corrupt", "Package download corrupt",
                        "The download of " + fileName + " has SHA-1 " + octopusHash + " but the source reports "
                                + pkg.hash() + ".", "Export again; if it repeats, check the source's package store.");
            }
            return new ExportedPackage(new PackageFile(pkg.packageId(), pkg.version(), pkg.fileExtension(), octopusHash,
                    java.util.HexFormat.of().formatHex(sha256.digest()), size), archive, entryPath);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing " + octopusId + " into " + archive + " failed", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 and SHA-1 are part of every JDK", e);
        }
    }

    /**
     * The download, read no further than one byte past the size the source reports: a server that sends more (an
     * endless stream, say) is cut off there instead of filling the disk until the transfer timeout.
     */
    private static final class ReportedSize extends java.io.FilterInputStream {

        static final class Exceeded extends IOException {
            Exceeded(String message) {
                super(message);
            }
        }

        private final long reported;
        private final String fileName;
        private long read;

        ReportedSize(InputStream in, Long reported, String fileName) {
            super(in);
            this.reported = reported == null || reported < 0 ? Long.MAX_VALUE : reported;
            this.fileName = fileName;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            long left = reported == Long.MAX_VALUE ? len : reported - read + 1;
            int n = super.read(b, off, (int) Math.min(len, Math.max(left, 1)));
            if (n > 0) {
                read += n;
                if (read > reported) {
                    throw new Exceeded("The source sent more of " + fileName + " than the " + reported
                            + " bytes it reports for it; the download was stopped there.");
                }
            }
            return n;
        }
    }

    private static <T> T find(java.util.function.Supplier<T> read, java.util.function.Supplier<DomainException> absent) {
        return CopyProblems.ifFound(read).orElseThrow(absent);
    }
}
