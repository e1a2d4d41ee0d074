package io.octopuses.validation;

import java.util.Locale;

/**
 * Characters that do not belong in names, labels or log lines: they are invisible, reorder or hide the text
 * around them, or start a new line. Shared by {@link PlainText} (refuses them) and {@link LogSafe} (escapes them).
 */
enum UnsafeCharacter {

    LINE_BREAK("a line break"),
    TAB("a tab"),
    CONTROL("a control character"),
    BIDI_CONTROL("a bidirectional control character"),
    INVISIBLE_FORMAT("an invisible format character"),
    LINE_SEPARATOR("a line or paragraph separator"),
    LONE_SURROGATE("a lone surrogate");

    private final String description;

    UnsafeCharacter(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }

    /** What is unsafe about {@code codePoint}, or {@code null} when it is ordinary visible text or a space. */
    static UnsafeCharacter of(int codePoint) {
        if (codePoint == '\n' || codePoint == '\r') {
            return LINE_BREAK;
        }
        if (codePoint == '\t') {
            return TAB;
        }
        return switch (Character.getType(codePoint)) {
            // C0 (U+0000-U+001F), DEL and C1 (U+0080-U+009F, NEL included)
            case Character.CONTROL -> CONTROL;
            // Cf: U+200B-U+200F, U+202A-U+202E, U+2060-U+206F, U+FEFF, U+00AD, U+061C, tags U+E0000-U+E007F...
            case Character.FORMAT -> isBidiControl(codePoint) ? BIDI_CONTROL : INVISIBLE_FORMAT;
            case Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> LINE_SEPARATOR;
            // a paired surrogate arrives as one supplementary code point; only a lone half is seen here
            case Character.SURROGATE -> LONE_SURROGATE;
            default -> null;
        };
    }

    /** Marks, embeddings, overrides and isolates (Unicode's Bidi_Control property). */
    static boolean isBidiControl(int codePoint) {
        return codePoint == 0x061C || codePoint == 0x200E || codePoint == 0x200F
                || (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }

    /** {@code U+202E}. */
    static String notation(int codePoint) {
        return "U+" + String.format(Locale.ROOT, "%04X", codePoint);
    }
}
