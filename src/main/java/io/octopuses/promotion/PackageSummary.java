package io.octopuses.promotion;

import java.util.List;
import java.util.stream.Collectors;

import io.octopuses.promotion.copy.PackageFile;

/** The packages of a promotion as the approval forms show them: one line each, with SHA-256 and size. */
public final class PackageSummary {

    private PackageSummary() {
    }

    public static String of(List<PackageFile> packages) {
        if (packages.isEmpty()) {
            return "(no packages from the built-in feed)";
        }
        return packages.stream()
                .map(p -> p.packageId() + " " + p.version() + "  sha256:" + p.sha256() + "  " + size(p.sizeBytes()))
                .collect(Collectors.joining("\n"));
    }

    private static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return bytes + " bytes";
        }
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
