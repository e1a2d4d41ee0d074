package io.octopuses.upgrade.executor;

import java.util.ArrayList;
import java.util.List;

import io.octopuses.octopus.resources.ActivityLogEntry;
import io.octopuses.octopus.resources.ActivityLogTreeNode;
import io.octopuses.octopus.resources.TaskDetailsResource;

/**
 * A runbook run's task log as text: each node's last lines ({@code tail} per node, asked of the server, so a huge
 * log never travels), indented under its step.
 */
final class RunbookTaskLog {

    /** Lines per log node asked of the manager. */
    static final int TAIL = 40;

    private RunbookTaskLog() {
    }

    static String text(TaskDetailsResource details) {
        List<String> lines = new ArrayList<>();
        if (details.activityLogs() != null) {
            details.activityLogs().forEach(node -> append(node, 0, lines));
        }
        return ExecutorRun.tail(String.join("\n", lines));
    }

    private static void append(ActivityLogTreeNode node, int depth, List<String> lines) {
        String indent = "  ".repeat(depth);
        if (depth > 0) {
            lines.add(indent + "== " + node.name() + (node.status() == null ? "" : " (" + node.status() + ")"));
        }
        if (node.logElements() != null) {
            for (ActivityLogEntry entry : node.logElements()) {
                lines.add(indent + (entry.category() == null ? "" : entry.category() + ": ") + entry.messageText());
            }
        }
        if (node.children() != null) {
            node.children().forEach(child -> append(child, depth + 1, lines));
        }
    }
}
