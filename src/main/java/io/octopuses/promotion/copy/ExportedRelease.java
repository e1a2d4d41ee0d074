package io.octopuses.promotion.copy;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link ReleaseExporter#export} produced: the release's content (its {@code release.json}) and the packages
 * it wrote into the staged archive {@code archive}.
 */
public record ExportedRelease(ReleaseContent content, List<ExportedPackage> packages, Path archive) {

    public ExportedRelease {
        packages = List.copyOf(packages);
    }
}
