package io.octopuses.bundle;

import java.util.Locale;
import java.util.Set;

/**
 * The rules every entry path follows (docs/bundle-format.md, "Entry paths"), so that extracting a bundle can never
 * write outside its directory on any operating system.
 */
final class EntryPaths {

    static final String MANIFEST = "manifest.json";
    static final String SIGNATURE = "manifest.sig";
    static final int MAX_LENGTH = 400;
    private static final Set<String> RESERVED = Set.of(MANIFEST, SIGNATURE);

    private EntryPaths() {
    }

    /** Why the path is unsafe, or null when it is fine. */
    static String problem(String path) {
        if (path == null || path.isEmpty()) {
            return "is empty";
        }
        if (path.length() > MAX_LENGTH) {
            return "is longer than " + MAX_LENGTH + " characters";
        }
        if (path.startsWith("/")) {
            return "is absolute";
        }
        if (path.indexOf('\\') >= 0) {
            return "contains a backslash";
        }
        if (path.indexOf(':') >= 0) {
            return "contains ':' (a drive letter or stream name)";
        }
        for (char c : path.toCharArray()) {
            if (c < 0x20 || c == 0x7f) {
                return "contains a control character";
            }
        }
        if (path.endsWith("/")) {
            return "ends with '/' (a directory)";
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty()) {
                return "contains an empty segment ('//')";
            }
            if (segment.equals("..")) {
                return "contains '..'";
            }
            if (segment.equals(".")) {
                return "contains '.' as a segment";
            }
        }
        if (RESERVED.contains(path.toLowerCase(Locale.ROOT))) {
            return "is reserved for the bundle's own manifest";
        }
        return null;
    }

    /** The key two paths clash on: extracting onto a case-insensitive file system must not merge entries. */
    static String collisionKey(String path) {
        return path.toLowerCase(Locale.ROOT);
    }
}
