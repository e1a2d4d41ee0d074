package io.octopuses.promotion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Folders where a promotion's export waits for approval and sealing, and where results are put together: one per
 * promotion under {@code octopuses.promotion.staging-dir} (default {@code <data-dir>/promotions}). In a cluster this
 * must be shared storage, like the bundle store: the step that seals may run on another node than the export.
 */
@Component
public class PromotionStaging {

    private final Path root;

    PromotionStaging(PromotionProperties properties, @Value("${octopuses.data-dir}") Path dataDir) {
        this.root = properties.stagingDir() != null ? properties.stagingDir() : dataDir.resolve("promotions");
    }

    /** The promotion's folder (created); {@code part} separates the two sides when both run here. */
    public Path dir(String promotionId, String part) {
        Path dir = root.resolve(promotionId).resolve(part);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the staging folder " + dir, e);
        }
        return dir;
    }

    /** Removes the folder of a promotion's side once it is no longer needed. */
    public void clean(String promotionId, String part) {
        Path dir = root.resolve(promotionId).resolve(part);
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clean the staging folder " + dir, e);
        }
    }
}
