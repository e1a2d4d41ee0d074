package io.octopuses.promotion.copy;

import java.util.List;

/** What {@link ReleaseImporter#uploadPackages} did: packages uploaded, and those the target already had (same hash). */
public record ImportedPackages(List<PackageFile> uploaded, List<PackageFile> alreadyPresent) {

    public ImportedPackages {
        uploaded = List.copyOf(uploaded);
        alreadyPresent = List.copyOf(alreadyPresent);
    }
}
