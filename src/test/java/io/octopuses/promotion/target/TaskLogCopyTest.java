package io.octopuses.promotion.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** A remote task log travels back whole up to the limit, and cut with a note beyond it (even an endless one). */
class TaskLogCopyTest {

    @Test
    void aLogWithinTheLimitIsCopiedWhole() throws IOException {
        byte[] log = "line 1\nline 2\n".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThat(TaskLogCopy.copy(new ByteArrayInputStream(log), out, log.length, "task T on prod")).isEqualTo(log.length);

        assertThat(out.toByteArray()).isEqualTo(log);
    }

    @Test
    void anEndlessLogIsCutAtTheLimitWithANoteSayingWhereTheWholeLogIs() throws IOException {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThat(TaskLogCopy.copy(endless, out, 100_000, "task ServerTasks-9 on prod")).isEqualTo(100_000);

        String copied = out.toString(StandardCharsets.UTF_8);
        assertThat(copied).startsWith("xxxx").hasSizeGreaterThan(100_000).hasSizeLessThan(100_300)
                .endsWith("after 100000 bytes (octopuses.promotion.max-task-log); the whole log is task ServerTasks-9 on prod\n");
    }
}
