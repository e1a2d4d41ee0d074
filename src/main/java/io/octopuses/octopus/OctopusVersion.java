package io.octopuses.octopus;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Octopus Server version such as {@code 2026.1.9674} ({@code YYYY.N.build}); older {@code 3.17.0}-style and
 * pre-release suffixes ({@code -rc.4}) parse too, the suffix being ignored for ordering.
 */
public record OctopusVersion(int[] parts, String text) implements Comparable<OctopusVersion> {

    private static final Pattern SHAPE = Pattern.compile("^(\\d+(?:\\.\\d+){0,3})(?:[-+].*)?$");

    public static OctopusVersion parse(String text) {
        Matcher matcher = SHAPE.matcher(text == null ? "" : text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an Octopus version such as 2026.1.9674");
        }
        int[] parts = Arrays.stream(matcher.group(1).split("\\.")).mapToInt(Integer::parseInt).toArray();
        return new OctopusVersion(parts, text.trim());
    }

    /** The numbers only, e.g. {@code 2026.1.9674} for {@code 2026.1.9674-rc.4}: safe to show whatever the server sent. */
    public String numbers() {
        return Arrays.stream(parts).mapToObj(Integer::toString).collect(java.util.stream.Collectors.joining("."));
    }

    public boolean isOlderThan(OctopusVersion other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(OctopusVersion other) {
        for (int i = 0; i < Math.max(parts.length, other.parts.length); i++) {
            int mine = i < parts.length ? parts[i] : 0;
            int theirs = i < other.parts.length ? other.parts[i] : 0;
            if (mine != theirs) {
                return Integer.compare(mine, theirs);
            }
        }
        return 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OctopusVersion version && compareTo(version) == 0;
    }

    @Override
    public int hashCode() {
        int significant = parts.length;
        while (significant > 1 && parts[significant - 1] == 0) {
            significant--;
        }
        return Arrays.hashCode(Arrays.copyOf(parts, significant));
    }

    @Override
    public String toString() {
        return text;
    }
}
