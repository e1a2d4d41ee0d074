package io.octopuses.sim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a {@code multipart/form-data} body part by part while it streams in, with one small buffer: a part's
 * content is handed out as an {@link InputStream} that ends at the next boundary, so a gigabyte package goes
 * straight to disk.
 */
final class MultipartReader {

    /** One part: its headers (lower-case names) and its content. */
    record Part(Map<String, String> headers, InputStream content) {
        String fileName() {
            String disposition = headers.getOrDefault("content-disposition", "");
            for (String piece : disposition.split(";")) {
                String p = piece.trim();
                if (p.toLowerCase(Locale.ROOT).startsWith("filename=")) {
                    String value = p.substring("filename=".length()).trim();
                    if (value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2) {
                        value = value.substring(1, value.length() - 1);
                    }
                    int slash = Math.max(value.lastIndexOf('/'), value.lastIndexOf('\\'));
                    return value.substring(slash + 1);
                }
            }
            return null;
        }
    }

    private final InputStream in;
    private final byte[] delimiter;
    /** How far the search may move on when the byte under the delimiter's last position is b: skip[b & 0xff]. */
    private final int[] skip = new int[256];
    private final byte[] buffer = new byte[1024 * 1024];
    /** Where the next delimiter starts in the buffer (-1: nowhere), valid until the buffer or the part changes. */
    private int found;
    private boolean searched;
    private int pos;
    private int limit;
    private boolean eof;
    private boolean finished;

    MultipartReader(InputStream in, String boundary) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        java.util.Arrays.fill(skip, delimiter.length);
        for (int i = 0; i < delimiter.length - 1; i++) {
            skip[delimiter[i] & 0xff] = delimiter.length - 1 - i;
        }
        // a virtual line break before the first boundary, so every boundary looks alike
        buffer[0] = '\r';
        buffer[1] = '\n';
        limit = 2;
    }

    /** The boundary of a {@code multipart/form-data} content type, or null. */
    static String boundary(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            return null;
        }
        for (String piece : contentType.split(";")) {
            String p = piece.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String value = p.substring("boundary=".length());
                return value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
            }
        }
        return null;
    }

    /** Skips what is left of the current part (or the preamble) and opens the next part; null after the last. */
    Part next() throws IOException {
        if (finished) {
            return null;
        }
        byte[] rest = new byte[8192];
        while (readContent(rest, 0, rest.length) >= 0) {
            // drain
        }
        pos += delimiter.length;
        searched = false;
        ensure(2);
        if (limit - pos >= 2 && buffer[pos] == '-' && buffer[pos + 1] == '-') {
            finished = true;
            return null;
        }
        String padding = readLine();
        if (!padding.isBlank()) {
            throw new IOException("Malformed multipart body after a boundary");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        return new Part(headers, new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return readContent(b, off, len);
            }
        });
    }

    /** Content bytes of the current part; -1 once the next boundary is reached (the boundary is left in the buffer). */
    private int readContent(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (true) {
            if (!searched) { // searched once per buffer fill, not once per read (a read takes 8 KiB at a time)
                found = indexOfDelimiter();
                searched = true;
            }
            if (found == pos) {
                return -1;
            }
            int safe = found > 0 ? found : (eof ? limit : Math.max(pos, limit - (delimiter.length - 1)));
            if (safe > pos) {
                int n = Math.min(len, safe - pos);
                System.arraycopy(buffer, pos, b, off, n);
                pos += n;
                return n;
            }
            if (eof) {
                throw new IOException("The multipart body ended before its closing boundary");
            }
            fill();
        }
    }

    /**
     * Boyer-Moore-Horspool: looks at the byte under the delimiter's last position and skips as far as that byte
     * allows, so a package body is searched in about a fortieth of its bytes (a byte-by-byte search was most of
     * the simulator's time on a 1 GiB upload).
     */
    private int indexOfDelimiter() {
        int last = delimiter.length - 1;
        for (int i = pos; i <= limit - delimiter.length; ) {
            int j = last;
            while (buffer[i + j] == delimiter[j]) {
                if (j == 0) {
                    return i;
                }
                j--;
            }
            i += skip[buffer[i + last] & 0xff];
        }
        return -1;
    }

    private void ensure(int bytes) throws IOException {
        while (limit - pos < bytes && !eof) {
            fill();
        }
    }

    private void fill() throws IOException {
        searched = false;
        if (pos > 0) {
            System.arraycopy(buffer, pos, buffer, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buffer.length) {
            throw new IOException("Multipart header line too long");
        }
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            ensure(2);
            if (limit - pos < 1) {
                throw new IOException("The multipart body ended inside a header");
            }
            if (limit - pos >= 2 && buffer[pos] == '\r' && buffer[pos + 1] == '\n') {
                pos += 2;
                return line.toString(StandardCharsets.UTF_8);
            }
            line.write(buffer[pos++]);
            if (line.size() > 16 * 1024) {
                throw new IOException("Multipart header line too long");
            }
        }
    }
}
