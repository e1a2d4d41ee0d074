package io.octopuses.octopus.transport;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import feign.ExceptionPropagationPolicy;
import feign.Feign;
import feign.Logger;
import feign.jackson.JacksonEncoder;
import feign.slf4j.Slf4jLogger;
import okhttp3.OkHttpClient;

import org.springframework.util.function.SingletonSupplier;

import io.octopuses.octopus.OctopusClient;
import io.octopuses.octopus.OctopusClientProperties;
import io.octopuses.octopus.OctopusConnection;
import io.octopuses.octopus.SpaceClient;
import io.octopuses.octopus.areas.ConfigurationApi;
import io.octopuses.octopus.areas.ScopedUserRolesApi;
import io.octopuses.octopus.areas.SpacesApi;
import io.octopuses.octopus.areas.SystemApi;
import io.octopuses.octopus.areas.TasksApi;
import io.octopuses.octopus.areas.TeamsApi;
import io.octopuses.octopus.areas.UserRolesApi;
import io.octopuses.octopus.areas.UsersApi;
import io.octopuses.octopus.resources.ResourceCollection;
import io.octopuses.octopus.resources.SpaceResource;

/**
 * The Feign-built client of one server: one Feign stack (transport, codec, error mapping, retry policy, headers)
 * shared by the server's API root ({@code {base}/api}) and the root of each space it is asked for
 * ({@code {base}/api/{spaceId}}). Proxies are built on an area's first use, so a client opened for a health poll
 * costs only the areas the poll uses, and a space client costs nothing until it is used. Logging is BASIC at most
 * (method, URL, status, time): headers would show the key.
 */
final class FeignOctopusClient implements OctopusClient {

    private final OctopusConnection connection;
    private final Feign.Builder feign;
    private final ApiRoot root;
    private final StreamingUploads uploads;
    private final SingletonSupplier<Pages> pages;
    private final SpaceDirectory directory;
    private final Map<String, FeignSpaceClient> spaces = new ConcurrentHashMap<>();

    FeignOctopusClient(OctopusConnection connection, OctopusClientProperties properties, OkHttpClient http,
                       ObjectMapper json, Clock clock) {
        this.connection = connection;
        OctopusErrors errors = new OctopusErrors(json, connection.apiKey(), clock);
        ResponseLimit limit = new ResponseLimit(properties.maxResponseSize(), errors);
        OkHttpTransport transport = new OkHttpTransport(http, properties);
        this.feign = Feign.builder()
                .client(transport)
                .options(OkHttpTransport.options(properties))
                .encoder(new JacksonEncoder(json))
                .decoder(new OctopusDecoder(json, errors, limit))
                .errorDecoder(new OctopusErrorDecoder(errors))
                .retryer(new OctopusRetryer(properties.retry(), errors))
                .requestInterceptor(new OctopusHeaders(connection.apiKey()))
                .responseInterceptor(new TeapotIsAState())
                .exceptionPropagationPolicy(ExceptionPropagationPolicy.UNWRAP)
                // OctopusDecoder closes what it reads and leaves streams (downloads, logs) to the caller
                .doNotCloseAfterDecode()
                .logger(new Slf4jLogger(OctopusClient.class))
                .logLevel(Logger.Level.BASIC);
        String base = connection.baseUrl().toString();
        this.root = new ApiRoot(feign, base + "/api");
        this.uploads = new StreamingUploads(transport.transfers(), connection.apiKey(), json, errors, limit,
                properties);
        this.pages = SingletonSupplier.of(
                () -> new Pages(connection.baseUrl(), feign.target(Pages.LinkFollower.class, base), json));
        this.directory = new SpaceDirectory(connection.baseUrl(), () -> spaces().all());
    }

    @Override
    public OctopusConnection connection() {
        return connection;
    }

    @Override
    public SpaceClient space(String spaceIdOrName) {
        SpaceResource space = directory.find(spaceIdOrName);
        return spaces.computeIfAbsent(space.id(), id -> new FeignSpaceClient(this,
                new ApiRoot(feign, root.url() + "/" + segment(id)), uploads, id, space.name()));
    }

    @Override
    public SystemApi system() {
        return root.area(SystemApi.class);
    }

    @Override
    public SpacesApi spaces() {
        return root.area(SpacesApi.class);
    }

    @Override
    public UsersApi users() {
        return root.area(UsersApi.class);
    }

    @Override
    public UserRolesApi userRoles() {
        return root.area(UserRolesApi.class);
    }

    @Override
    public TeamsApi teams() {
        return root.area(TeamsApi.class);
    }

    @Override
    public ScopedUserRolesApi scopedUserRoles() {
        return root.area(ScopedUserRolesApi.class);
    }

    @Override
    public ConfigurationApi configuration() {
        return root.area(ConfigurationApi.class);
    }

    @Override
    public TasksApi tasks() {
        return root.area(TasksApi.class);
    }

    @Override
    public <T> List<T> readAll(ResourceCollection<T> firstPage, Class<T> itemType) {
        return pages.obtain().readAll(firstPage, itemType);
    }

    @Override
    public <T> Stream<T> streamAll(ResourceCollection<T> firstPage, Class<T> itemType) {
        return pages.obtain().stream(firstPage, itemType);
    }

    @Override
    public String toString() {
        return "OctopusClient[" + connection + "]";
    }

    /** A space id from the server's answer, as one path segment whatever it holds. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
