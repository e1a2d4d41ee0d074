package io.octopuses.upgrade.executor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The end of a run's log file, read without loading the rest: a command may write gigabytes. */
final class LogTail {

    private LogTail() {
    }

    /** The last {@link ExecutorRun#MAX_OUTPUT_CHARS} characters or so of the file; empty when it does not exist. */
    static String of(Path file) {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            int length = (int) Math.min(size, ExecutorRun.MAX_OUTPUT_CHARS);
            ByteBuffer buffer = ByteBuffer.allocate(length);
            channel.position(size - length);
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // read until full or at the end
            }
            return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the upgrade run log " + file, e);
        }
    }

    /** The last {@code count} non-blank lines of {@code output}, for a failure message. */
    static String lastLines(String output, int count) {
        List<String> lines = Arrays.stream(output.split("\\R")).filter(line -> !line.isBlank()).toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }
}
