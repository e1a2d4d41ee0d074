package io.octopuses.octopus.errors;

import java.util.regex.Pattern;

/**
 * Keeps API keys out of exception messages and logs, whatever a server or proxy echoes back: the key a client was
 * given, and anything shaped like an Octopus API key.
 */
public final class Redaction {

    /** What a key is replaced with. */
    public static final String MASK = "API-****";

    /** Octopus keys are {@code API-} and upper-case letters/digits; a lower bound on length spares words like "API-KEY". */
    private static final Pattern API_KEY = Pattern.compile("(?i)API-[A-Z0-9]{8,}");

    private Redaction() {
    }

    /** Masks anything shaped like an Octopus API key. */
    public static String redact(String text) {
        return text == null ? null : API_KEY.matcher(text).replaceAll(MASK);
    }

    /** Masks this key, whatever its shape, and anything shaped like an Octopus API key. */
    public static String redact(String text, String apiKey) {
        if (text == null) {
            return null;
        }
        String out = apiKey == null || apiKey.isEmpty() ? text : text.replace(apiKey, MASK);
        return redact(out);
    }
}
