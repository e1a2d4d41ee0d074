package io.octopuses.servertask;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The last lines of a task's log, bounded: at most {@code maxLines} lines, each cut to {@code maxLineLength}, and at
 * most {@code maxChars} in all (older lines dropped first). The log is read as a stream, so a log of any size costs
 * only the tail in memory. Control characters other than tabs become spaces: the tail is shown in Tasklist and in
 * callers' records, and every server is untrusted input.
 */
final class LogTail {

    private static final String CUT = "…";

    private final int maxLines;
    private final int maxLineLength;
    private final int maxChars;

    LogTail(int maxLines, int maxLineLength, int maxChars) {
        if (maxLines < 1 || maxLineLength < 1 || maxChars < maxLineLength) {
            throw new IllegalArgumentException("A log tail needs a line, and room for one line in all");
        }
        this.maxLines = maxLines;
        this.maxLineLength = maxLineLength;
        this.maxChars = maxChars;
    }

    /** The tail of {@code log} (read to its end; not closed). */
    String of(InputStream log) {
        Deque<String> lines = new ArrayDeque<>(maxLines + 1);
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(log, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.addLast(clean(line));
                if (lines.size() > maxLines) {
                    lines.removeFirst();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Reading a task log failed", e);
        }
        while (!lines.isEmpty() && lines.peekLast().isBlank()) {
            lines.removeLast();
        }
        int total = lines.stream().mapToInt(line -> line.length() + 1).sum() - 1;
        while (total > maxChars && lines.size() > 1) {
            total -= lines.removeFirst().length() + 1;
        }
        return String.join("\n", lines);
    }

    private String clean(String line) {
        String cut = line.length() > maxLineLength ? line.substring(0, maxLineLength - CUT.length()) + CUT : line;
        StringBuilder out = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> {
            if (c != '\t' && (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
                out.append(' ');
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString().stripTrailing();
    }
}
