package io.octopuses.octopus.transport;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;

import feign.Request.HttpMethod;
import feign.RetryableException;
import feign.Retryer;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSink;

import io.octopuses.octopus.OctopusClientProperties;
import io.octopuses.octopus.areas.PackagesApi;
import io.octopuses.octopus.errors.OctopusApiException;
import io.octopuses.octopus.resources.PackageResource;

/**
 * The calls Feign cannot make without buffering the request body: package and artifact uploads, sent with OkHttp
 * straight from a file or stream. Same headers, error mapping, response limit and {@link OctopusRetryer} as the
 * Feign calls. Bounded like a download ({@link OkHttpTransport#transfers()}): the server must take the next bytes
 * within {@code readTimeout}, answer within {@code readTimeout} of the last byte, and the whole upload must end
 * within {@code transferTimeout}.
 */
final class StreamingUploads {

    private static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");
    private static final int READ_BUFFER = 1 << 20;

    private final OkHttpClient http;
    private final String apiKey;
    private final ObjectMapper json;
    private final OctopusErrors errors;
    private final ResponseLimit limit;
    private final OctopusClientProperties properties;

    StreamingUploads(OkHttpClient http, String apiKey, ObjectMapper json, OctopusErrors errors, ResponseLimit limit,
                     OctopusClientProperties properties) {
        this.http = http;
        this.apiKey = apiKey;
        this.json = json;
        this.errors = errors;
        this.limit = limit;
        this.properties = properties;
    }

    /** @param spaceUrl the space's API root, {@code {base}/api/{spaceId}} */
    PackageResource uploadPackage(String spaceUrl, Path file, PackagesApi.OverwriteMode mode) {
        requireFile(file);
        return uploadPackage(spaceUrl, file.getFileName().toString(), () -> fileBody(file), mode, true);
    }

    PackageResource uploadPackage(String spaceUrl, String fileName, InputStream content,
                                  PackagesApi.OverwriteMode mode) {
        return uploadPackage(spaceUrl, fileName, () -> new StreamBody(content, -1), mode, false);
    }

    PackageResource uploadPackage(String spaceUrl, String fileName, InputStream content, long length,
                                  PackagesApi.OverwriteMode mode) {
        if (length < 0) {
            throw new IllegalArgumentException("The length of " + fileName + " must not be negative");
        }
        return uploadPackage(spaceUrl, fileName, () -> new StreamBody(content, length), mode, false);
    }

    void uploadArtifact(String spaceUrl, String artifactId, Path file) {
        requireFile(file);
        send(HttpMethod.PUT, artifactContent(spaceUrl, artifactId), () -> fileBody(file), null, true);
    }

    void uploadArtifact(String spaceUrl, String artifactId, InputStream content) {
        send(HttpMethod.PUT, artifactContent(spaceUrl, artifactId), () -> new StreamBody(content, -1), null, false);
    }

    /** Read from disk as it is sent (again on a retry), never held in memory. */
    private static RequestBody fileBody(Path file) {
        return RequestBody.create(file.toFile(), OCTET_STREAM);
    }

    private static String artifactContent(String spaceUrl, String artifactId) {
        return spaceUrl + "/artifacts/" + segment(artifactId) + "/content";
    }

    private PackageResource uploadPackage(String spaceUrl, String fileName, Supplier<RequestBody> content,
                                          PackagesApi.OverwriteMode mode, boolean replayable) {
        checkFileName(fileName);
        String url = spaceUrl + "/packages/raw?overwriteMode=" + mode.wireValue();
        return send(HttpMethod.POST, url, () -> new PackageForm(fileName, content.get()), PackageResource.class,
                replayable);
    }

    private <T> T send(HttpMethod method, String url, Supplier<RequestBody> body, Class<T> answer,
                       boolean replayable) {
        // Describes the request in exceptions; carries no headers, so never the key.
        feign.Request described = feign.Request.create(method, url, Map.of(), (byte[]) null, StandardCharsets.UTF_8,
                null);
        Retryer retryer = new OctopusRetryer(replayable ? properties.retry()
                : new OctopusClientProperties.Retry(1, null, null, null), errors, true);
        while (true) {
            try {
                return once(method, url, body.get(), answer, described);
            } catch (RetryableException e) {
                try {
                    retryer.continueOrPropagate(e);
                } catch (RetryableException last) {
                    throw last.getCause() instanceof RuntimeException cause ? cause : last;
                }
            }
        }
    }

    private <T> T once(HttpMethod method, String url, RequestBody body, Class<T> answer, feign.Request described) {
        Request request = new Request.Builder()
                .url(url)
                .header(OctopusHeaders.API_KEY_HEADER, apiKey)
                .header("Accept", "application/json")
                .header("User-Agent", OctopusHeaders.USER_AGENT)
                .method(method.name(), body)
                .build();
        String where = method + " " + url;
        try (Response response = http.newCall(request).execute()) {
            int status = response.code();
            ResponseBody content = response.body();
            InputStream in = content == null ? InputStream.nullInputStream() : content.byteStream();
            if (status < 200 || status >= 300) {
                Map<String, Collection<String>> headers = new HashMap<>(response.headers().toMultimap());
                OctopusApiException error = errors.toException(status, headers,
                        in.readNBytes(OctopusErrors.MAX_ERROR_BODY), where);
                if (!OctopusRetryer.mayRetry(status)) {
                    throw error;
                }
                Long retryAfter = error.retryAfter().map(d -> System.currentTimeMillis() + d.toMillis()).orElse(null);
                throw new RetryableException(status, error.getMessage(), method, error, retryAfter, described);
            }
            byte[] bytes = limit.read(status, in, content == null ? 0 : content.contentLength(), where);
            if (answer == null || bytes.length == 0) {
                return null;
            }
            try {
                return json.readValue(bytes, answer);
            } catch (IOException notJson) {
                throw errors.notOctopus(status, bytes, where, notJson);
            }
        } catch (IOException e) {
            throw new RetryableException(-1, e.getMessage(), method, e, (Long) null, described);
        }
    }

    /**
     * The {@code multipart/form-data} body of {@code POST /packages/raw}: one part, {@code fileToUpload}, byte for byte
     * as this client always sent it. OkHttp's {@code MultipartBody} would add a {@code Content-Length} part header;
     * this keeps the wire format Octopus is known to accept.
     */
    static final class PackageForm extends RequestBody {

        private final MediaType type;
        private final byte[] head;
        private final RequestBody content;
        private final byte[] tail;

        PackageForm(String fileName, RequestBody content) {
            String boundary = "octopuses-" + UUID.randomUUID();
            this.type = MediaType.get("multipart/form-data; boundary=" + boundary);
            this.head = ("--" + boundary + "\r\n"
                    + "Content-Disposition: form-data; name=\"fileToUpload\"; filename=\"" + fileName + "\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
            this.content = content;
            this.tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public MediaType contentType() {
            return type;
        }

        @Override
        public long contentLength() throws IOException {
            long length = content.contentLength();
            return length < 0 ? -1 : head.length + length + tail.length;
        }

        @Override
        public boolean isOneShot() {
            return content.isOneShot();
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            sink.write(head);
            content.writeTo(sink);
            sink.write(tail);
        }
    }

    /**
     * A caller's stream, read as it is sent (not closed: the caller owns it). Of unknown length (-1) it is sent
     * chunked, read to its end; of a known length with that {@code Content-Length}, exactly that many bytes, and a
     * stream that ends sooner fails the upload (the server sees a body cut short, never a shorter package).
     */
    static final class StreamBody extends RequestBody {

        private final InputStream content;
        private final long length;

        StreamBody(InputStream content, long length) {
            this.content = content;
            this.length = length;
        }

        @Override
        public MediaType contentType() {
            return OCTET_STREAM;
        }

        @Override
        public long contentLength() {
            return length;
        }

        @Override
        public boolean isOneShot() {
            return true;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            // read in large pieces: Okio.source would read the caller's stream 8 KiB at a time (a read call, often
            // a system call, each)
            byte[] buffer = new byte[READ_BUFFER];
            long left = length < 0 ? Long.MAX_VALUE : length;
            while (left > 0) {
                int n = content.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    if (length < 0) {
                        return;
                    }
                    throw new IOException("The content ended after " + (length - left) + " of its " + length + " bytes");
                }
                sink.write(buffer, 0, n);
                left -= n;
            }
        }
    }

    private static void requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("Not a readable file: " + file);
        }
    }

    /** {@code <PackageId>.<Version>.<ext>}, and nothing that could break out of the multipart header. */
    static void checkFileName(String fileName) {
        if (fileName == null || fileName.isBlank() || fileName.chars().anyMatch(c -> c < 0x20 || c == '"' || c == '\\'
                || c == '/') || fileName.indexOf('.') < 1) {
            throw new IllegalArgumentException(
                    "A package file name is <PackageId>.<Version>.<ext> (e.g. Acme.Web.1.2.3.zip), not " + fileName);
        }
    }

    private static String segment(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A path segment is required");
        }
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
