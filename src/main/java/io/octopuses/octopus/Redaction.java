package io.octopuses.octopus;

import java.util.regex.Pattern;

/** Keeps API keys out of exception messages and logs, whatever a server or proxy echoes back. */
final class Redaction {

    static final String MASK = "API-****";

    /** Octopus keys are {@code API-} and upper-case letters/digits; a lower bound on length spares words like "API-KEY". */
    private static final Pattern API_KEY = Pattern.compile("(?i)API-[A-Z0-9]{8,}");

    private Redaction() {
    }

    static String redact(String text) {
        return text == null ? null : API_KEY.matcher(text).replaceAll(MASK);
    }

    static String redact(String text, String apiKey) {
        if (text == null) {
            return null;
        }
        String out = apiKey == null || apiKey.isEmpty() ? text : text.replace(apiKey, MASK);
        return redact(out);
    }
}
