package io.octopuses.promotion.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.springframework.stereotype.Component;

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
                dir.resolve("packages"));
        write(dir.resolve(PromotionBundles.RELEASE_ENTRY), exported.content().toJson());
        return exported;
    }

    /** The staged content, if this node has it complete (every package file present with its size). */
    Optional<ReleaseContent> staged(Promotion promotion) {
        Path dir = staging.dir(promotion.id(), PART);
        Path json = dir.resolve(PromotionBundles.RELEASE_ENTRY);
        if (!Files.isRegularFile(json)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(json)) {
            ReleaseContent content = ReleaseContent.fromJson(in);
            boolean complete = content.packages().stream().allMatch(p -> {
                Path file = packageFile(promotion, p.fileName());
                try {
                    return Files.isRegularFile(file) && Files.size(file) == p.sizeBytes();
                } catch (IOException e) {
                    return false;
                }
            });
            return complete ? Optional.of(content) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    Path packageFile(Promotion promotion, String fileName) {
        return staging.dir(promotion.id(), PART).resolve("packages").resolve(fileName);
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
