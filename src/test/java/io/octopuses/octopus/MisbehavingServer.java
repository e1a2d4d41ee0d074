package io.octopuses.octopus;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server that answers every request with one scripted misbehaviour: trickling, stalling, answering too
 * much. Scripts pause only until the server is closed, so no test leaves a thread behind. Only the list of spaces is
 * answered well (and not counted), so that a space client can be had: {@link #space}.
 */
final class MisbehavingServer implements AutoCloseable {

    static final String KEY = "API-MISBEHAVING0123456789ABCD";
    private static final String SPACES = "[{\"Id\":\"Spaces-1\",\"Name\":\"Default\"}]";

    /** What the server does with one exchange. */
    interface Script {
        void answer(HttpExchange exchange, MisbehavingServer server) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicInteger requests = new AtomicInteger();

    MisbehavingServer(Script script) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            if (exchange.getRequestURI().getPath().equals("/api/spaces/all")) {
                try (exchange) {
                    byte[] spaces = SPACES.getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, spaces.length);
                    exchange.getResponseBody().write(spaces);
                }
                return;
            }
            requests.incrementAndGet();
            try (exchange) {
                script.answer(exchange, this);
            } catch (IOException clientGone) {
                // the client gave up: what these scripts are for
            }
        });
        server.start();
    }

    OctopusClient client(OctopusClientProperties properties) {
        return new OctopusClients(properties).connect(connection());
    }

    /** The server's one space, {@code Spaces-1}, through a new client with these settings. */
    SpaceClient space(OctopusClientProperties properties) {
        return client(properties).space("Spaces-1");
    }

    OctopusConnection connection() {
        return new OctopusConnection(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), KEY);
    }

    int requests() {
        return requests.get();
    }

    /** Waits this long, or less if the server is closed; false once it is closed. */
    boolean pause(Duration duration) {
        try {
            return !closed.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** 200 with chunked JSON: an opening brace, then one space every {@code every}, never the end. */
    static Script trickleJsonForever(Duration every) {
        return (exchange, server) -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write('{');
            out.flush();
            while (server.pause(every)) {
                out.write(' ');
                out.flush();
            }
        };
    }

    /** 200 announcing {@code length} bytes, sending {@code start}, then nothing more until closed. */
    static Script stallAfter(String start, int length) {
        return (exchange, server) -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, length);
            OutputStream out = exchange.getResponseBody();
            out.write(start.getBytes(StandardCharsets.UTF_8));
            out.flush();
            server.pause(Duration.ofMinutes(5));
        };
    }

    /** 200 with {@code content}, one byte every {@code every}: slow, but never silent for long. */
    static Script trickle(byte[] content, Duration every) {
        return (exchange, server) -> {
            exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(200, content.length);
            OutputStream out = exchange.getResponseBody();
            for (byte b : content) {
                if (!server.pause(every)) {
                    return;
                }
                out.write(b);
                out.flush();
            }
        };
    }

    /** 200 with a chunked octet stream, one byte every {@code every}, never the end. */
    static Script trickleBytesForever(Duration every) {
        return (exchange, server) -> {
            exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            while (server.pause(every)) {
                out.write('x');
                out.flush();
            }
        };
    }

    /** 200 with a JSON array that never ends, sent as fast as the client reads it. */
    static Script endlessJson() {
        byte[] item = "\"abcdefghijklmnopqrstuvwxyz0123456789\",".getBytes(StandardCharsets.UTF_8);
        return (exchange, server) -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write('[');
            while (server.closed.getCount() > 0) {
                out.write(item);
            }
        };
    }

    /** {@code status} with a body of {@code size} bytes of JSON whitespace inside an object, length announced. */
    static Script sized(int status, int size) {
        return (exchange, server) -> {
            byte[] body = new byte[size];
            Arrays.fill(body, (byte) ' ');
            body[0] = '{';
            body[size - 1] = '}';
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, size);
            exchange.getResponseBody().write(body);
        };
    }

    /** Reads the whole request (an upload), then answers as {@code then} does. */
    static Script afterReadingTheRequest(Script then) {
        return (exchange, server) -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            then.answer(exchange, server);
        };
    }

    /** Never answers (until closed). */
    static Script silence() {
        return (exchange, server) -> server.pause(Duration.ofMinutes(5));
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
