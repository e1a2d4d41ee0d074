package io.octopuses.upgrade.executor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.boot.convert.DurationStyle;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One HTTP call of the http executor, made from its settings and the job: the webhook ({@code url}, {@code method},
 * {@code body}, {@code header.*}) or the status poll ({@code status-url}, GET, the same headers). Placeholders are
 * URL-encoded in URLs and JSON-escaped in the body. Its {@link #toString()} shows method, host and path only: a
 * query string may carry a token.
 */
final class HttpCall {

    static final String HEADER_PREFIX = "header.";
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    private static final Set<String> SETTINGS = Set.of("url", "method", "body", "status-url", "run-id-field",
            "connect-timeout", "read-timeout");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String method;
    private final URI uri;
    private final Map<String, String> headers;
    private final String body;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Secrets secrets;

    private HttpCall(String method, URI uri, Map<String, String> headers, String body, ExecutorSettings settings) {
        this.method = method;
        this.uri = uri;
        this.headers = headers;
        this.body = body;
        this.connectTimeout = duration(settings, "connect-timeout", DEFAULT_CONNECT_TIMEOUT);
        this.readTimeout = duration(settings, "read-timeout", DEFAULT_READ_TIMEOUT);
        this.secrets = new Secrets(headers.values());
    }

    /** Every setting known and usable, or an {@link ExecutorException} saying which is not. */
    static void check(ExecutorSettings settings) {
        for (String name : settings.settings().keySet()) {
            if (!name.startsWith(HEADER_PREFIX) && !SETTINGS.contains(name)) {
                throw new ExecutorException("settings." + name + " is no setting of the http executor: use "
                        + SETTINGS + " or header.<Name> (docs/upgrades.md)");
            }
        }
        Placeholders sample = Placeholders.of(new UpgradeJob("c", UpgradeJob.Action.UPGRADE, "s", "n",
                "http://octopus", "z", "1", "2")).with("runId", "r");
        httpUrl("url", url(sample, settings.required("url")));
        String statusUrl = settings.optional("status-url", null);
        if (statusUrl != null) {
            httpUrl("status-url", url(sample, statusUrl));
        }
        duration(settings, "connect-timeout", DEFAULT_CONNECT_TIMEOUT);
        duration(settings, "read-timeout", DEFAULT_READ_TIMEOUT);
    }

    static HttpCall webhook(UpgradeJob job, ExecutorSettings settings) {
        Placeholders values = Placeholders.of(job);
        String template = settings.optional("body", null);
        String body = template == null ? defaultBody(values) : values.fill(template, HttpCall::jsonEscaped);
        Map<String, String> headers = headers(settings, values);
        headers.putIfAbsent("Content-Type", "application/json");
        return new HttpCall(settings.optional("method", "POST").toUpperCase(Locale.ROOT),
                httpUrl("url", url(values, settings.required("url"))), headers, body, settings);
    }

    static HttpCall status(UpgradeJob job, ExecutorSettings settings, String runId) {
        Placeholders values = Placeholders.of(job).with("runId", runId);
        return new HttpCall("GET", httpUrl("status-url", url(values, settings.required("status-url"))),
                headers(settings, values), null, settings);
    }

    /**
     * A URL template filled in: placeholders URL-encoded, except a {@code {serverUrl}} that starts the template, which
     * is the server's registered base URL and goes in as it is (a webhook on the server's own host, e.g. an agent
     * next to it).
     */
    private static String url(Placeholders values, String template) {
        String base = "{serverUrl}";
        if (template.startsWith(base)) {
            return values.values().get("serverUrl").replaceAll("/+$", "")
                    + values.fill(template.substring(base.length()), HttpCall::urlEncoded);
        }
        return values.fill(template, HttpCall::urlEncoded);
    }

    WebhookClient.Answer send(WebhookClient client) throws IOException {
        return client.send(method, uri, headers, body, connectTimeout, readTimeout);
    }

    Secrets secrets() {
        return secrets;
    }

    @Override
    public String toString() {
        return method + " " + uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    private static Map<String, String> headers(ExecutorSettings settings, Placeholders values) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        settings.settings().forEach((name, value) -> {
            if (name.startsWith(HEADER_PREFIX)) {
                headers.put(name.substring(HEADER_PREFIX.length()), values.fill(value, v -> v));
            }
        });
        return headers;
    }

    private static String defaultBody(Placeholders values) {
        try {
            return JSON.writeValueAsString(values.values());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URI httpUrl(String setting, String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            throw new ExecutorException("settings." + setting + " is no URL (" + e.getReason() + "): give an "
                    + "http:// or https:// address", e);
        }
        throw new ExecutorException("settings." + setting + " must be an http:// or https:// address with a host");
    }

    private static Duration duration(ExecutorSettings settings, String name, Duration fallback) {
        String value = settings.optional(name, null);
        if (value == null) {
            return fallback;
        }
        try {
            Duration duration = DurationStyle.detectAndParse(value);
            if (!duration.isNegative() && !duration.isZero()) {
                return duration;
            }
        } catch (IllegalArgumentException e) {
            // said below
        }
        throw new ExecutorException("settings." + name + " must be a positive duration such as 10s or PT10S, not '"
                + value + "'");
    }

    static String jsonEscaped(String value) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(value));
    }

    static String urlEncoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
