package io.octopuses.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP face of one simulator: a JDK {@link HttpServer} whose handlers run on the shared pool. It applies the
 * injected failures and latency, checks the API key, routes, records every request, and answers. Delayed answers
 * are completed later by the shared scheduler, so a slow simulator holds no thread while it waits.
 *
 * <p>With the control surface on, {@code /_simulator/...} ({@link ControlRoutes}) is answered first, as it is: no
 * API key, no injected failure or latency, not recorded, and also while the API is offline.
 */
final class HttpEndpoint {

    private static final String API_KEY_HEADER = "X-Octopus-ApiKey";

    static {
        // The JDK server writes headers and body separately; with Nagle's algorithm on, every kept-alive request
        // then waits for the client's delayed ACK (~40 ms). Read once, when the first HttpServer is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final ServerState state;
    private final Router router;
    private final List<RecordedRequest> requests = new ArrayList<>();
    private SimulatorControls controls;
    private HttpServer server;
    private int port;
    private boolean controlSurface;
    /** With the control surface on, offline keeps the port open for it and drops every other request instead. */
    private volatile boolean apiOffline;

    HttpEndpoint(ServerState state, Router router) {
        this.state = state;
        this.router = router;
    }

    Router router() {
        return router;
    }

    void controls(SimulatorControls controls) {
        this.controls = controls;
    }

    synchronized void bind(int requestedPort) {
        port = requestedPort;
        start();
    }

    synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
            created.setExecutor(SimulatorRuntime.SHARED.handlers);
            created.createContext("/", this::handle);
            created.start();
            server = created;
            port = created.getAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on port " + port, e);
        }
    }

    synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    synchronized boolean isRunning() {
        return server != null;
    }

    synchronized void controlSurface(boolean on) {
        this.controlSurface = on;
    }

    synchronized void offline() {
        if (controlSurface) {
            apiOffline = true;
        } else {
            stop();
        }
    }

    synchronized void online() {
        apiOffline = false;
        start();
    }

    synchronized boolean isOnline() {
        return server != null && !apiOffline;
    }

    synchronized int port() {
        return port;
    }

    List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    void clearRequests() {
        synchronized (requests) {
            requests.clear();
        }
    }

    private void handle(HttpExchange exchange) {
        ApiRequest request = new ApiRequest(exchange);
        if (controlSurface && ControlRoutes.isControlPath(request.path())) {
            send(exchange, control(request));
            return;
        }
        if (apiOffline) {
            exchange.close(); // no status line at all: to the client the server went away
            return;
        }
        SimulatorControls.Injection injection = controls.nextInjection();
        ApiResponse response;
        if (injection.fails()) {
            response = ApiResponse.error(OctopusErrors.injected(injection.status()));
            if (injection.status() == 429) {
                response.header("Retry-After", "1");
            }
        } else {
            response = process(request);
        }
        synchronized (requests) {
            requests.add(new RecordedRequest(request.method(), request.path(), request.rawQuery(), response.status(),
                    apiKeyOf(request) != null));
        }
        if (!injection.fails() && controls.loseAnswer(request.method(), response.status())) {
            exchange.close(); // carried out, but the answer never arrives
            return;
        }
        long delay = controls.latency().toMillis() + (injection.hang() == null ? 0 : injection.hang().toMillis());
        SimulatorControls.Delivery delivery = controls.delivery();
        if (delay > 0) {
            SimulatorRuntime.SHARED.scheduler.schedule(
                    () -> SimulatorRuntime.SHARED.handlers.execute(() -> deliver(exchange, response, delivery)),
                    delay, TimeUnit.MILLISECONDS);
        } else {
            deliver(exchange, response, delivery);
        }
    }

    /** Sends the answer as the {@link SimulatorControls.Delivery} lever says: normally, without its body, or stalled. */
    private static void deliver(HttpExchange exchange, ApiResponse response, SimulatorControls.Delivery delivery) {
        if (delivery == SimulatorControls.Delivery.NORMAL || response.file() != null || response.status() >= 300) {
            send(exchange, response);
            return;
        }
        try {
            if (response.contentType() != null) {
                exchange.getResponseHeaders().set("Content-Type", response.contentType());
            }
            byte[] body = response.bytes();
            if (delivery == SimulatorControls.Delivery.EMPTY_BODY || body.length < 2) {
                exchange.sendResponseHeaders(response.status(), -1);
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(response.status(), body.length);
            OutputStream out = exchange.getResponseBody();
            out.write(body, 0, body.length / 2);
            out.flush();
            // the rest never comes; the connection is let go long after any sane client gave up (no thread waits)
            SimulatorRuntime.SHARED.scheduler.schedule(exchange::close, STALL, TimeUnit.MILLISECONDS);
        } catch (IOException | RuntimeException ignored) {
            exchange.close(); // the client went away meanwhile
        }
    }

    private ApiResponse control(ApiRequest request) {
        Router.Match match = router.match(request.method(), request.path());
        if (match == null || !match.route().has(Router.Option.CONTROL)) {
            return router.pathExists(request.path()) ? ControlRoutes.methodNotAllowed(request) : ControlRoutes.notFound(request);
        }
        try {
            request.bind(match.params(), null);
            return match.route().handler().handle(request);
        } catch (OctopusException e) {
            return ControlRoutes.badRequest(e.errors().isEmpty() ? e.getMessage() : String.join(" ", e.errors()));
        } catch (IllegalArgumentException e) {
            return ControlRoutes.badRequest(e.getMessage());
        } catch (RuntimeException e) {
            return ApiResponse.json(500, Json.object("error", "The simulator failed: " + e));
        }
    }

    private ApiResponse process(ApiRequest request) {
        try {
            Router.Match match = router.match(request.method(), request.path());
            if (match == null) {
                int status = router.pathExists(request.path()) ? 405 : 404;
                String message = status == 405
                        ? "The HTTP method " + request.method() + " is not allowed on " + request.path() + "."
                        : OctopusErrors.ROUTE_NOT_FOUND;
                return ApiResponse.error(new OctopusException(status, message, List.of()));
            }
            Router.Route route = match.route();
            if (route.has(Router.Option.CONTROL)) {
                return ApiResponse.error(new OctopusException(404, OctopusErrors.ROUTE_NOT_FOUND, List.of()));
            }
            String caller = callerOf(request);
            if (!route.has(Router.Option.ANONYMOUS) && caller == null) {
                return ApiResponse.error(new OctopusException(401, OctopusErrors.NOT_LOGGED_IN, List.of()));
            }
            request.authenticated(caller);
            if (route.has(Router.Option.STREAMING)) {
                bind(request, match);
                return route.handler().handle(request);
            }
            synchronized (state) {
                bind(request, match);
                return route.handler().handle(request);
            }
        } catch (OctopusException e) {
            return ApiResponse.error(e);
        } catch (RuntimeException e) {
            return ApiResponse.error(new OctopusException(500,
                    "An unexpected error occurred in the Octopus simulator: " + e, List.of()));
        }
    }

    private void bind(ApiRequest request, Router.Match match) {
        String spaceId = match.params().get("spaceId");
        synchronized (state) {
            if (spaceId != null) {
                spaceId = Json.text(state.spaces.get(null, spaceId), "Id");
            } else if (match.route().has(Router.Option.DEFAULT_SPACE)) {
                spaceId = state.defaultSpaceId();
            }
        }
        request.bind(match.params(), spaceId);
    }

    /** The user the request's API key signs in as; the configured key needs no lock, created keys live in the state. */
    private String callerOf(ApiRequest request) {
        String key = apiKeyOf(request);
        if (key == null) {
            return null;
        }
        if (key.equals(state.apiKey)) {
            return ServerState.ADMIN_USER_ID;
        }
        synchronized (state) {
            return state.userIdForApiKey(key);
        }
    }

    private static String apiKeyOf(ApiRequest request) {
        String header = request.header(API_KEY_HEADER);
        return header != null ? header.trim() : request.query("apikey");
    }

    private static final long STALL = TimeUnit.MINUTES.toMillis(10);

    private static void send(HttpExchange exchange, ApiResponse response) {
        try (exchange) {
            if (response.contentType() != null) {
                exchange.getResponseHeaders().set("Content-Type", response.contentType());
            }
            response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            if (response.file() != null) {
                long size = Files.size(response.file());
                exchange.sendResponseHeaders(response.status(), size == 0 ? -1 : size);
                try (InputStream in = Files.newInputStream(response.file()); OutputStream out = exchange.getResponseBody()) {
                    byte[] buffer = new byte[1024 * 1024]; // transferTo's 8 KiB halves a package download's speed
                    for (int n; (n = in.read(buffer)) >= 0; ) {
                        out.write(buffer, 0, n);
                    }
                }
                return;
            }
            byte[] body = response.bytes();
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // the client went away or the simulator went offline meanwhile: nothing to answer
        }
    }
}
