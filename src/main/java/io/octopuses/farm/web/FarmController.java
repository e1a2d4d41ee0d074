package io.octopuses.farm.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.format.annotation.DurationFormat.Style;
import org.springframework.format.annotation.DurationFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.octopuses.farm.health.HealthMonitor;
import io.octopuses.farm.health.HealthReading;
import io.octopuses.farm.health.ServerEvent;
import io.octopuses.farm.inventory.FarmService;
import io.octopuses.farm.inventory.OctopusServer;
import io.octopuses.farm.inventory.ServerRequest;

/** The farm inventory over REST: {@code /api/v1/servers}. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Farm", description = "Octopus servers in the farm, their health and events")
class FarmController {

    private final FarmService farm;
    private final HealthMonitor health;

    FarmController(FarmService farm, HealthMonitor health) {
        this.farm = farm;
        this.health = health;
    }

    @GetMapping("/servers")
    @Operation(summary = "List the registered servers with their current health")
    List<ServerView> list() {
        Map<String, HealthReading> current = health.currentAll();
        return farm.list().stream().map(server -> ServerView.of(server, current.get(server.slug()))).toList();
    }

    @PostMapping("/servers")
    @Operation(summary = "Register a server; a CONNECTED one is verified (reachable, Octopus, supported version, key accepted) first")
    ResponseEntity<ServerView> register(@Valid @RequestBody ServerRequest request) {
        OctopusServer server = farm.register(request);
        return ResponseEntity.created(URI.create("/api/v1/servers/" + server.slug())).body(ServerView.of(server, null));
    }

    @GetMapping("/servers/{slug}")
    @Operation(summary = "Show one server with its current health")
    ServerView show(@PathVariable String slug) {
        return ServerView.of(farm.get(slug), health.current(slug).orElse(null));
    }

    @PutMapping("/servers/{slug}")
    @Operation(summary = "Change a server; omit apiKey to keep the stored one. A changed URL, key or reachability is verified again")
    ServerView update(@PathVariable String slug, @Valid @RequestBody ServerRequest request) {
        return ServerView.of(farm.update(slug, request), health.current(slug).orElse(null));
    }

    @DeleteMapping("/servers/{slug}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a server with its health history and events (nothing is changed on the Octopus server)")
    void remove(@PathVariable String slug) {
        farm.remove(slug);
    }

    @GetMapping("/servers/{slug}/health")
    @Operation(summary = "The server's current health (the last poll)")
    HealthView currentHealth(@PathVariable String slug) {
        farm.get(slug);
        return HealthView.of(health.current(slug).orElse(null));
    }

    @PostMapping("/servers/{slug}/health/poll")
    @Operation(summary = "Poll the server now and return what was read")
    HealthView pollNow(@PathVariable String slug) {
        return HealthView.of(health.pollOne(slug));
    }

    @GetMapping("/servers/{slug}/health/history")
    @Operation(summary = "Health history, newest first (window 1s to 366d, e.g. 24h; limit 1 to 5000 samples)")
    List<HealthView> history(@PathVariable String slug,
                             @RequestParam(defaultValue = "24h") @DurationFormat(style = Style.SIMPLE)
                             @DurationMin(seconds = 1) @DurationMax(days = 366) Duration window,
                             @RequestParam(defaultValue = "500") @Min(1) @Max(5000) int limit) {
        return health.history(slug, window, limit).stream().map(HealthView::of).toList();
    }

    @GetMapping("/servers/{slug}/events")
    @Operation(summary = "The server's events (went offline, came back, version changed), newest first (limit 1 to 1000)")
    List<EventView> serverEvents(@PathVariable String slug,
                                 @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return health.events(slug, limit).stream().map(EventView::of).toList();
    }

    @GetMapping("/events")
    @Operation(summary = "Events of the whole farm, newest first (limit 1 to 1000)")
    List<EventView> farmEvents(@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return health.events(limit).stream().map(EventView::of).toList();
    }

    record EventView(String server, ServerEvent.Type type, java.time.Instant occurredAt, String detail) {
        static EventView of(ServerEvent event) {
            return new EventView(event.serverSlug(), event.type(), event.occurredAt(), event.detail());
        }
    }
}
