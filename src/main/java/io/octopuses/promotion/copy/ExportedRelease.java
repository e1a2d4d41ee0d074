package io.octopuses.promotion.copy;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link ReleaseExporter#export} produced: the release's content (its {@code release.json}) and the package
 * files it wrote into {@code dir}.
 */
public record ExportedRelease(ReleaseContent content, List<ExportedPackage> packages, Path dir) {

    public ExportedRelease {
        packages = List.copyOf(packages);
    }
}
