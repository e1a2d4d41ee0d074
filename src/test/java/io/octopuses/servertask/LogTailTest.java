package io.octopuses.servertask;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The end of a task log, bounded however long the log or its lines are. */
class LogTailTest {

    @Test
    void keepsTheLastLines() {
        String log = IntStream.rangeClosed(1, 500).mapToObj(i -> "line " + i).collect(Collectors.joining("\n", "", "\n"));

        assertThat(new LogTail(3, 100, 1000).of(stream(log))).isEqualTo("line 498\nline 499\nline 500");
    }

    @Test
    void boundsTheLengthOfEachLineAndOfTheWhole() {
        String longLine = "x".repeat(10_000);
        String tail = new LogTail(40, 50, 120).of(stream("first\n" + longLine + "\n" + longLine + "\n" + longLine + "\n"));

        assertThat(tail).hasSizeLessThanOrEqualTo(120);
        assertThat(tail.lines()).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(50).endsWith("…"));
        assertThat(tail).doesNotContain("first");
    }

    @Test
    void dropsTrailingBlankLinesAndControlCharacters() {
        String tail = new LogTail(5, 100, 1000).of(stream("Deploying\u001b[31m red\u202e\r\nDone\t(ok)\n\n\n"));

        assertThat(tail).isEqualTo("Deploying [31m red\nDone\t(ok)");
    }

    @Test
    void anEmptyLogHasAnEmptyTail() {
        assertThat(new LogTail(5, 100, 1000).of(stream(""))).isEmpty();
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
