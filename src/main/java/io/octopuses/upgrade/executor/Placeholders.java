package io.octopuses.upgrade.executor;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The template variables of a job ({@code {version}}, {@code {server}}...) and their substitution into a command,
 * URL or body, each value escaped for where it lands so that no value (a server name like {@code a'; rm -rf /})
 * can change the template's meaning. Only known names are replaced: {@code ${HOME}}, {@code {"json": 1}} and
 * unknown {@code {words}} are left as they are.
 */
final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("(?<!\\$)\\{([A-Za-z]+)}");

    private final Map<String, String> values;

    private Placeholders(Map<String, String> values) {
        this.values = values;
    }

    static Placeholders of(UpgradeJob job) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("version", job.targetVersion());
        values.put("server", job.serverSlug());
        values.put("serverName", job.serverName());
        values.put("serverUrl", job.serverUrl());
        values.put("zone", job.zone());
        values.put("fromVersion", job.fromVersion());
        values.put("action", job.action() == null ? null : job.action().name());
        values.put("campaign", job.campaignId());
        values.replaceAll((name, value) -> value == null ? "" : value);
        return new Placeholders(values);
    }

    /** The same values and one more (e.g. {@code runId} from a webhook's answer). */
    Placeholders with(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(values);
        more.put(name, value == null ? "" : value);
        return new Placeholders(more);
    }

    Map<String, String> values() {
        return values;
    }

    /** The values as environment variables: {@code OCTOPUSES_VERSION}, {@code OCTOPUSES_SERVER_NAME}... */
    Map<String, String> asEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        values.forEach((name, value) -> environment.put(environmentName(name), value));
        return environment;
    }

    static String environmentName(String name) {
        return "OCTOPUSES_" + name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    /** {@code template} with every known placeholder replaced by its value passed through {@code escape}. */
    String fill(String template, UnaryOperator<String> escape) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            String replacement = value == null ? matcher.group() : escape.apply(value);
            matcher.appendReplacement(filled, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    /** One POSIX shell word that is exactly {@code value}: single-quoted, each {@code '} written {@code '\''}. */
    static String shellQuoted(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
