package io.octopuses.farm.health;

/**
 * Text a server sent us, made safe to store, show and log: whitespace and control characters (line breaks
 * included) become single spaces, invisible formatting characters (bidi overrides, zero-width characters), lone
 * surrogates and unassigned code points disappear, and the length is cut to what the column holds. Every Octopus
 * server is untrusted input.
 */
final class ForeignText {

    private static final String CUT = "...";

    private ForeignText() {
    }

    static String clean(String text, int maxLength) {
        if (text == null) {
            return null;
        }
        StringBuilder cleaned = new StringBuilder(Math.min(text.length(), maxLength + 1));
        text.codePoints().takeWhile(ignored -> cleaned.length() <= maxLength).forEach(codePoint -> {
            if (Character.isWhitespace(codePoint) || Character.isISOControl(codePoint)) {
                if (cleaned.length() > 0 && cleaned.charAt(cleaned.length() - 1) != ' ') {
                    cleaned.append(' ');
                }
            } else if (isVisible(codePoint)) {
                cleaned.appendCodePoint(codePoint);
            }
        });
        String result = cleaned.toString().strip();
        if (result.length() <= maxLength) {
            return result;
        }
        int cut = maxLength - CUT.length();
        if (Character.isHighSurrogate(result.charAt(cut - 1))) {
            cut--;
        }
        return result.substring(0, cut) + CUT;
    }

    private static boolean isVisible(int codePoint) {
        int type = Character.getType(codePoint);
        return type != Character.FORMAT && type != Character.SURROGATE && type != Character.UNASSIGNED
                && type != Character.PRIVATE_USE;
    }
}
