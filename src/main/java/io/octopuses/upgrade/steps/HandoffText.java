package io.octopuses.upgrade.steps;

import java.util.Arrays;

/** Text cut for a Tasklist form: the last lines of an executor's output. */
final class HandoffText {

    private HandoffText() {
    }

    static String lastLines(String text, int lines) {
        String[] all = text.split("\n");
        return String.join("\n", Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
    }
}
