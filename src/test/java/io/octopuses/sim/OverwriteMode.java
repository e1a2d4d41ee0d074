package io.octopuses.sim;

/**
 * What a push does when the package (or build information) already exists: Octopus's {@code overwriteMode}, or its
 * legacy {@code replace} flag on servers and clients from before 2019.
 */
enum OverwriteMode {
    FailIfExists, OverwriteExisting, IgnoreIfExists;

    /** {@code mode} when given (any case), else {@code replace} ({@code true}: OverwriteExisting), else FailIfExists. */
    static OverwriteMode of(String mode, boolean replace) {
        if (mode != null && !mode.isBlank()) {
            for (OverwriteMode m : values()) {
                if (m.name().equalsIgnoreCase(mode.trim())) {
                    return m;
                }
            }
            throw OctopusException.badRequest("The overwriteMode '" + mode + "' is not valid. Use FailIfExists, "
                    + "OverwriteExisting or IgnoreIfExists.");
        }
        return replace ? OverwriteExisting : FailIfExists;
    }
}
