package io.octopuses.promotion.copy;

/**
 * A package of the source's built-in feed that the release uses, as exported.
 *
 * @param packageId     e.g. {@code Payments.Api}
 * @param version       e.g. {@code 1.0.1}
 * @param fileExtension with its dot, e.g. {@code .zip}
 * @param octopusHash   the SHA-1 Octopus reports as the package's {@code Hash}; the target must report the same
 * @param sha256        SHA-256 of the file, computed while it was downloaded (for the bundle's manifest)
 * @param sizeBytes     the file's size
 */
public record PackageFile(String packageId, String version, String fileExtension, String octopusHash, String sha256,
                          long sizeBytes) {

    /** {@code <PackageId>.<Version><extension>}: the name Octopus reads id and version from on upload. */
    public String fileName() {
        return packageId + "." + version + fileExtension;
    }

    /** Octopus's id of the package in a built-in feed: {@code packages-<PackageId>.<Version>}. */
    public String octopusId() {
        return "packages-" + packageId + "." + version;
    }
}
