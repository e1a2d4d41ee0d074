package io.octopuses.validation;

import java.util.Locale;

/**
 * Text from outside (a server's {@code Version}, an error message, a name) made safe for one log line: line
 * breaks, tabs and other control characters become {@code \n}, {@code \r}, {@code \t} or {@code \}{@code uXXXX};
 * bidirectional controls, invisible format characters, U+2028/U+2029 and lone surrogates become
 * {@code \}{@code uXXXX}; a backslash becomes {@code \\}, so an escape in the log cannot be forged either.
 * Everything else, non-Latin letters included, is kept as it is.
 *
 * <pre>log.info("Server {} reports version {}", slug, LogSafe.escape(version));</pre>
 */
public final class LogSafe {

    private LogSafe() {
    }

    /** {@code value}'s text escaped as above; {@code "null"} for null. */
    public static String escape(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        if (isSafe(text)) {
            return text;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(codePoint -> append(escaped, codePoint));
        return escaped.toString();
    }

    /** Like {@link #escape(Object)}, cut to at most {@code maxCodePoints} of the original text with "…" appended when cut. */
    public static String escape(Object value, int maxCodePoints) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        if (text.codePointCount(0, text.length()) <= maxCodePoints) {
            return escape(text);
        }
        return escape(text.substring(0, text.offsetByCodePoints(0, maxCodePoints))) + "…";
    }

    private static boolean isSafe(String text) {
        return text.codePoints().allMatch(codePoint -> codePoint != '\\' && UnsafeCharacter.of(codePoint) == null);
    }

    private static void append(StringBuilder escaped, int codePoint) {
        switch (codePoint) {
            case '\\' -> escaped.append("\\\\");
            case '\n' -> escaped.append("\\n");
            case '\r' -> escaped.append("\\r");
            case '\t' -> escaped.append("\\t");
            default -> {
                if (UnsafeCharacter.of(codePoint) == null) {
                    escaped.appendCodePoint(codePoint);
                } else if (Character.isBmpCodePoint(codePoint)) {
                    escaped.append(String.format(Locale.ROOT, "\\u%04X", codePoint));
                } else {
                    // tag characters and other supplementary format characters: both UTF-16 halves, as Java would write it
                    escaped.append(String.format(Locale.ROOT, "\\u%04X\\u%04X", (int) Character.highSurrogate(codePoint),
                            (int) Character.lowSurrogate(codePoint)));
                }
            }
        }
    }
}
