package io.octopuses.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.octopuses.ShortReads;

/** The simulator's streamed multipart parsing: parts end exactly at their boundary, wherever the reads split it. */
class MultipartReaderTest {

    private static final String BOUNDARY = "octopuses-4b1c8a3e";

    @Test
    void aPartEndsAtItsBoundaryWhateverTheContentAndTheReadSizes() throws IOException {
        Random random = new Random(7);
        for (int size : new int[] {0, 1, 37, 8191, 1 << 20, (1 << 20) + 13, 3 * (1 << 20) + 5}) {
            byte[] content = new byte[size];
            random.nextBytes(content);
            // near-misses of the delimiter inside the content: a line break and dashes, and all but its last byte
            plant(content, "\r\n--octopuses-4b1c8a3", size / 3);
            plant(content, "\r\n--", size / 2);
            for (int chunk : new int[] {1, 7, 4096, 1 << 20}) {
                byte[] body = form("Payments.Api.1.0.0.zip", content);
                MultipartReader reader = new MultipartReader(new ShortReads(new ByteArrayInputStream(body), chunk), BOUNDARY);
                MultipartReader.Part part = reader.next();
                assertThat(part.fileName()).isEqualTo("Payments.Api.1.0.0.zip");
                assertThat(readAll(part.content())).as("size %d, reads of %d", size, chunk).isEqualTo(content);
                assertThat(reader.next()).isNull();
            }
        }
    }

    @Test
    void aBodyWithoutItsClosingBoundaryIsRefused() throws IOException {
        byte[] body = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.1.0.zip\"\r\n\r\n"
                + "half a package").getBytes(StandardCharsets.ISO_8859_1);
        MultipartReader reader = new MultipartReader(new ByteArrayInputStream(body), BOUNDARY);
        MultipartReader.Part part = reader.next();
        assertThatThrownBy(() -> readAll(part.content())).isInstanceOf(IOException.class)
                .hasMessageContaining("ended before its closing boundary");
    }

    private static void plant(byte[] content, String text, int at) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        if (at + bytes.length <= content.length) {
            System.arraycopy(bytes, 0, content, at, bytes.length);
        }
    }

    private static byte[] form(String fileName, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"fileToUpload\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[5000];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
