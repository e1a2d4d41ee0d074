package io.octopuses.upgrade.executor;

import java.io.IOException;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Upgrades a server by calling a webhook, e.g. a CD tool's job trigger (docs/upgrades.md). Without
 * {@code status-url} a 2xx answer means the tool took the job, and the run has succeeded (the campaign then waits
 * for the server to answer on its new version); with it, the run is followed by polling the status URL, whose JSON
 * answer is {@code {"state": "RUNNING|SUCCEEDED|FAILED", "output": "...", "message": "..."}}.
 *
 * <p>Header values and the URLs' query strings may hold secrets: they are never logged, and whatever the far end
 * echoes back has the header values masked.
 */
@Component
class HttpUpgradeExecutor implements UpgradeExecutor, SettingsCheck {

    static final String TYPE = "http";
    private static final Logger log = LoggerFactory.getLogger(HttpUpgradeExecutor.class);
    private static final int EXCERPT_CHARS = 2000;

    private final WebhookClient client = new WebhookClient();
    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock;

    @Autowired
    HttpUpgradeExecutor(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void check(ExecutorSettings settings) {
        HttpCall.check(settings);
    }

    @Override
    public ExecutorRun start(UpgradeJob job, ExecutorSettings settings) {
        HttpCall call = HttpCall.webhook(job, settings);
        ExecutorRun run = new ExecutorRun(TYPE, "", clock.instant(), ExecutorRun.State.RUNNING, "", null);
        WebhookClient.Answer answer;
        try {
            answer = call.send(client);
        } catch (WebhookClient.NoAnswer e) {
            return run.failed("", call + " got " + e.getMessage() + ": the CD tool may or may not have started "
                    + "the upgrade of server '" + job.serverSlug() + "'. Check it there before anything else; raise "
                    + "settings.read-timeout if it is slow to answer");
        } catch (IOException e) {
            throw new ExecutorException(call + " failed (" + call.secrets().redact(e.toString()) + "): the upgrade "
                    + "of server '" + job.serverSlug() + "' was not started. Check settings.url and that this node "
                    + "can reach it", e);
        } catch (IllegalArgumentException e) {
            throw new ExecutorException(call + " could not be sent: a header name or value is not allowed (check "
                    + "settings.header.*) or the method is unusable (settings.method)");
        }
        String output = call.secrets().redact(call + " answered " + answer.status() + "\n" + answer.body().text());
        if (!answer.ok()) {
            return run.failed(output, call + " answered " + answer.status() + ": " + excerpt(answer, call)
                    + ". Check settings.url, the method and headers, and the CD tool's log");
        }
        log.info("The {} of server '{}' to {} was handed to {} ({})", job.action(), job.serverSlug(),
                job.targetVersion(), call, answer.status());
        if (settings.optional("status-url", null) == null) {
            return run.succeeded(output);
        }
        try {
            String runId = runId(answer, settings);
            return new ExecutorRun(TYPE, runId, run.startedAt(), ExecutorRun.State.RUNNING, ExecutorRun.tail(output),
                    null);
        } catch (ExecutorException e) {
            return run.failed(output, e.getMessage());
        }
    }

    @Override
    public ExecutorRun check(ExecutorRun run, UpgradeJob job, ExecutorSettings settings) {
        if (run.ended() || settings.optional("status-url", null) == null) {
            return run;
        }
        if (!clock.instant().isBefore(run.startedAt().plus(settings.timeout()))) {
            String which = run.handle().isEmpty() ? "" : " " + run.handle();
            return run.failed(run.output(), "The CD tool's run" + which + " did not end within "
                    + settings.timeout() + ": it may still be going. Check it there, stop it if it hangs, and check "
                    + "server '" + job.serverSlug() + "'; raise the timeout if the upgrade needs longer");
        }
        HttpCall call = HttpCall.status(job, settings, run.handle());
        WebhookClient.Answer answer;
        try {
            answer = call.send(client);
        } catch (IOException | IllegalArgumentException e) {
            log.warn("{} failed ({}); trying again at the next check", call, call.secrets().redact(e.toString()));
            return run.running(run.output());
        }
        if (answer.status() >= 500) {
            log.warn("{} answered {}; trying again at the next check", call, answer.status());
            return run.running(run.output());
        }
        if (!answer.ok()) {
            return run.failed(run.output(), call + " answered " + answer.status() + ": " + excerpt(answer, call)
                    + ". Check settings.status-url and settings.run-id-field");
        }
        return status(run, answer, call);
    }

    /** The run as the status answer {@code {"state", "output", "message"}} tells it. */
    private ExecutorRun status(ExecutorRun run, WebhookClient.Answer answer, HttpCall call) {
        JsonNode status = parse(answer);
        String state = status == null ? "" : status.path("state").asText("");
        String output = call.secrets().redact(status == null ? "" : status.path("output").asText(""));
        return switch (state) {
            case "RUNNING" -> run.running(output);
            case "SUCCEEDED" -> run.succeeded(output);
            case "FAILED" -> run.failed(output, "The CD tool reports that the upgrade failed: "
                    + call.secrets().redact(status.path("message").asText("no message given; see the output")));
            default -> run.failed(run.output(), call + " answered no {\"state\": \"RUNNING|SUCCEEDED|FAILED\"}: "
                    + excerpt(answer, call) + ". See docs/upgrades.md for what the status URL must answer");
        };
    }

    private String runId(WebhookClient.Answer answer, ExecutorSettings settings) {
        String field = settings.optional("run-id-field", null);
        if (field == null) {
            return "";
        }
        JsonNode answered = parse(answer);
        JsonNode value = answered == null ? null : answered.get(field);
        if (value == null || value.isNull() || value.isContainerNode() || value.asText().isBlank()) {
            throw new ExecutorException("The webhook's answer has no field '" + field + "' (settings.run-id-field) "
                    + "to follow the run with: the CD tool may have started the upgrade, check it there; then fix "
                    + "settings.run-id-field");
        }
        return value.asText();
    }

    private JsonNode parse(WebhookClient.Answer answer) {
        if (answer.body().truncated()) {
            return null;
        }
        try {
            JsonNode node = json.readTree(answer.body().text());
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String excerpt(WebhookClient.Answer answer, HttpCall call) {
        String text = answer.body().text();
        String excerpt = text.length() <= EXCERPT_CHARS ? text : text.substring(0, EXCERPT_CHARS) + "...";
        return excerpt.isBlank() ? "(no body)" : call.secrets().redact(excerpt.strip());
    }
}
