package io.octopuses.promotion.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.octopuses.bundle.StagedArchive;
import io.octopuses.farm.FarmClients;
import io.octopuses.octopus.SpaceClient;
import io.octopuses.promotion.PromotionBundles;
import io.octopuses.promotion.PromotionStaging;
import io.octopuses.promotion.copy.ExportedRelease;
import io.octopuses.promotion.copy.ReleaseContent;
import io.octopuses.promotion.copy.ReleaseExporter;
import io.octopuses.promotion.record.Promotion;

/**
 * The source side's export of a promotion: the release from the source server, staged until it is sealed. Exporting
 * again replaces it, so a retry after a crash, or a seal on a node that lacks the folder, starts clean.
 */
@Component
class SourceStaging {

    static final String PART = "source";
    /** The packages, staged as the start of the bundle the seal continues in place. */
    static final String PACKAGES_ARCHIVE = "packages.staged";

    private final PromotionStaging staging;
    private final ReleaseExporter exporter;
    private final FarmClients farm;

    SourceStaging(PromotionStaging staging, ReleaseExporter exporter, FarmClients farm) {
        this.staging = staging;
        this.exporter = exporter;
        this.farm = farm;
    }

    /** Exports the release of the promotion from its source server into its staging folder. */
    ExportedRelease export(Promotion promotion) {
        staging.clean(promotion.id(), PART);
        Path dir = staging.dir(promotion.id(), PART);
        SpaceClient source = farm.forServer(promotion.sourceServer()).space(promotion.spaceName());
        ExportedRelease exported = exporter.export(source, promotion.project(), promotion.releaseVersion(),
                dir.resolve(PACKAGES_ARCHIVE), PromotionBundles.PACKAGES_DIR);
        write(dir.resolve(PromotionBundles.RELEASE_ENTRY), exported.content().toJson());
        return exported;
    }

    /** The staged content, if this node has it complete (every package staged with its size). */
    Optional<ReleaseContent> staged(Promotion promotion) {
        Path dir = staging.dir(promotion.id(), PART);
        Path json = dir.resolve(PromotionBundles.RELEASE_ENTRY);
        if (!Files.isRegularFile(json)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(json)) {
            ReleaseContent content = ReleaseContent.fromJson(in);
            if (content.packages().isEmpty()) {
                return Optional.of(content);
            }
            Map<String, Long> staged = StagedArchive.sizes(packagesArchive(promotion)).orElse(Map.of());
            boolean complete = staged.size() == content.packages().size() && content.packages().stream()
                    .allMatch(p -> Long.valueOf(p.sizeBytes()).equals(staged.get(PromotionBundles.PACKAGES_DIR + p.fileName())));
            return complete ? Optional.of(content) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The staged packages; sealing moves it into the bundle. */
    Path packagesArchive(Promotion promotion) {
        return staging.dir(promotion.id(), PART).resolve(PACKAGES_ARCHIVE);
    }

    Path dir(Promotion promotion) {
        return staging.dir(promotion.id(), PART);
    }

    void clean(Promotion promotion) {
        staging.clean(promotion.id(), PART);
    }

    private static void write(Path file, byte[] content) {
        try {
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
