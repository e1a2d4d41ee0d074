package io.octopuses.promotion.target;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Copies a remote task log into the results, at most {@code max} bytes: a target server that answers with an endless
 * (or merely huge) log fills neither this instance's disk nor the source's artifact store. A longer log is cut there,
 * and a last line says so and where the whole log is.
 */
final class TaskLogCopy {

    private TaskLogCopy() {
    }

    /** The bytes of the log copied (the note on a cut not counted). */
    static long copy(InputStream in, OutputStream out, long max, String whereWhole) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long copied = 0;
        while (copied < max) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, max - copied));
            if (n < 0) {
                return copied;
            }
            out.write(buffer, 0, n);
            copied += n;
        }
        if (in.read() >= 0) {
            out.write(("\n... the log was cut here, after " + max + " bytes (octopuses.promotion.max-task-log); the whole "
                    + "log is " + whereWhole + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return copied;
    }
}
