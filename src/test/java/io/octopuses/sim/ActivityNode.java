package io.octopuses.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * One node of a task's activity log tree ({@code ActivityLogTreeNode}): the task itself, then one child per
 * deployment step. Knows how to render itself as JSON and as the plain-text raw log.
 */
final class ActivityNode {

    enum Status { Pending, Running, Success, Failed, Skipped, SuccessWithWarning, Canceled }

    record Entry(String category, Instant occurredAt, String messageText, String detail) {
    }

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    final String id;
    final String name;
    Status status = Status.Pending;
    Instant started;
    Instant ended;
    final List<Entry> entries = new ArrayList<>();
    final List<ActivityNode> children = new ArrayList<>();

    ActivityNode(String id, String name) {
        this.id = id;
        this.name = name;
    }

    ActivityNode child(String childName) {
        ActivityNode child = new ActivityNode(id + "/" + (children.size() + 1), childName);
        children.add(child);
        return child;
    }

    void log(String category, Instant at, String message) {
        entries.add(new Entry(category, at, message, null));
    }

    void error(Instant at, String message, String detail) {
        entries.add(new Entry("Error", at, message, detail));
    }

    void start(Instant at) {
        status = Status.Running;
        started = at;
    }

    void finish(Status outcome, Instant at) {
        status = outcome;
        ended = at;
    }

    boolean isDone() {
        return status != Status.Pending && status != Status.Running;
    }

    ObjectNode toJson(boolean verbose) {
        ArrayNode elements = Json.array();
        for (Entry e : entries) {
            if (!verbose && (e.category().equals("Verbose") || e.category().equals("Trace"))) {
                continue;
            }
            elements.add(Json.object("Category", e.category(), "OccurredAt", e.occurredAt(),
                    "MessageText", e.messageText(), "Detail", e.detail()));
        }
        ArrayNode kids = Json.array();
        children.forEach(c -> kids.add(c.toJson(verbose)));
        int percent = children.isEmpty()
                ? (isDone() ? 100 : 0)
                : (int) (100 * children.stream().filter(ActivityNode::isDone).count() / children.size());
        return Json.object(
                "Id", id,
                "Name", name,
                "Started", started,
                "Ended", ended,
                "Status", status.name(),
                "ShowAtSummaryLevel", true,
                "ProgressPercentage", percent,
                "LogElements", elements,
                "Children", kids);
    }

    /** The log as {@code /tasks/{id}/raw} prints it: a status line per node, then its messages, indented. */
    void appendRaw(StringBuilder out, int depth) {
        String indent = "  ".repeat(depth);
        out.append("                    | ").append(indent).append(status).append(": ").append(name).append('\n');
        for (Entry e : entries) {
            out.append(CLOCK.format(e.occurredAt())).append("   ")
                    .append(String.format("%-8s", e.category())).append(" | ").append(indent).append("  ")
                    .append(e.messageText()).append('\n');
            if (e.detail() != null) {
                for (String line : e.detail().split("\n")) {
                    out.append("                    | ").append(indent).append("    ").append(line).append('\n');
                }
            }
        }
        out.append("                    | ").append(indent).append('\n');
        children.forEach(c -> c.appendRaw(out, depth + 1));
    }

    static String duration(Duration d) {
        long seconds = Math.max(0, d.getSeconds());
        if (seconds < 60) {
            return seconds == 1 ? "1 second" : seconds + " seconds";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes == 1 ? "1 minute" : minutes + " minutes";
        }
        long hours = minutes / 60;
        return hours == 1 ? "1 hour" : hours + " hours";
    }
}
