package io.octopuses.farm.inventory;

import java.util.stream.Collectors;

import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.octopuses.problem.DomainException;

/**
 * Registers the servers listed under {@code octopuses.farm.bootstrap} at start-up, skipping slugs already
 * registered; how a deployment (or the demo) points Octopuses at its servers from environment variables.
 * A server that fails verification is logged and skipped; it does not stop the application.
 */
@Component
class FarmBootstrap {

    private static final Logger log = LoggerFactory.getLogger(FarmBootstrap.class);

    private final FarmService farm;
    private final FarmProperties properties;
    private final Validator validator;

    FarmBootstrap(FarmService farm, FarmProperties properties, Validator validator) {
        this.farm = farm;
        this.properties = properties;
        this.validator = validator;
    }

    @EventListener(ApplicationReadyEvent.class)
    void registerConfiguredServers() {
        for (ServerRequest request : properties.bootstrap()) {
            String invalid = validator.validate(request).stream()
                    .map(violation -> violation.getPropertyPath() + " " + violation.getMessage())
                    .sorted().collect(Collectors.joining("; "));
            if (request.slug() == null || !invalid.isEmpty()) {
                log.error("Skipping configured server {}: {}", request.slug(), request.slug() == null ? "slug is required" : invalid);
                continue;
            }
            if (farm.exists(request.slug())) {
                continue;
            }
            try {
                farm.register(request);
            } catch (DomainException problem) {
                log.error("Could not register configured server {}: {} {}", request.slug(), problem.getMessage(), problem.fix());
            }
        }
    }
}
