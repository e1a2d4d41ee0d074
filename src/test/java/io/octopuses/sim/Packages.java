package io.octopuses.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The built-in feed's packages: file names, versions, ordering and storage. */
final class Packages {

    /** A package file name split the way the built-in feed reads it: {@code <PackageId>.<Version><extension>}. */
    record FileName(String packageId, String version, String extension) {
    }

    private static final List<String> EXTENSIONS = List.of(".tar.gz", ".tar.bz2", ".tar.xz", ".tgz", ".tar", ".zip",
            ".nupkg", ".jar", ".war", ".ear", ".rar", ".7z");
    private static final Pattern ID_AND_VERSION = Pattern.compile(
            "^(?<id>.+?)\\.(?<version>\\d+(\\.\\d+){0,3}(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?)$");

    private Packages() {
    }

    static Optional<FileName> parse(String fileName) {
        if (fileName == null) {
            return Optional.empty();
        }
        String lower = fileName.toLowerCase();
        for (String ext : EXTENSIONS) {
            if (lower.endsWith(ext)) {
                Matcher m = ID_AND_VERSION.matcher(fileName.substring(0, fileName.length() - ext.length()));
                if (m.matches()) {
                    return Optional.of(new FileName(m.group("id"), m.group("version"), ext));
                }
            }
        }
        return Optional.empty();
    }

    static String id(String packageId, String version) {
        return "packages-" + packageId + "." + version;
    }

    static Optional<ObjectNode> find(ServerState state, String spaceId, String packageId, String version) {
        return state.packages.find(spaceId, id(packageId, version));
    }

    static String latestVersion(ServerState state, String spaceId, String packageId) {
        return state.packages.list(spaceId).stream()
                .filter(p -> packageId.equalsIgnoreCase(Json.text(p, "PackageId")))
                .map(p -> Json.text(p, "Version"))
                .max(VERSIONS)
                .orElse(null);
    }

    /** Where a package's bytes are, keyed like its row. */
    static Path file(ServerState state, ObjectNode row) {
        return state.packageFiles.get(key(row));
    }

    static String key(ObjectNode row) {
        return Json.text(row, "SpaceId") + "|" + Json.text(row, "Id").toLowerCase();
    }

    /** Semantic-version order: numeric parts compared as numbers, a pre-release sorts before its release. */
    static final Comparator<String> VERSIONS = (a, b) -> {
        String[] ca = a.split("[-+]", 2);
        String[] cb = b.split("[-+]", 2);
        String[] na = ca[0].split("\\.");
        String[] nb = cb[0].split("\\.");
        for (int i = 0; i < Math.max(na.length, nb.length); i++) {
            long x = i < na.length ? parseOrZero(na[i]) : 0;
            long y = i < nb.length ? parseOrZero(nb[i]) : 0;
            if (x != y) {
                return Long.compare(x, y);
            }
        }
        boolean preA = a.contains("-");
        boolean preB = b.contains("-");
        if (preA != preB) {
            return preA ? -1 : 1;
        }
        return a.compareTo(b);
    };

    private static long parseOrZero(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
