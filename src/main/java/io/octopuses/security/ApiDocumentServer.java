package io.octopuses.security;

import org.springdoc.core.customizers.ServerBaseUrlCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document names its server as "/", relative to wherever it was fetched from. springdoc would
 * otherwise build an absolute URL from the request's Host header, so anyone who can put a Host header in front of
 * a cache or a proxy could make the document (and Swagger UI's "Try it out", credentials included) point elsewhere.
 */
@Configuration
class ApiDocumentServer {

    @Bean
    ServerBaseUrlCustomizer relativeApiServer() {
        return (serverBaseUrl, request) -> "/";
    }
}
