package io.octopuses.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what. {@code /api/v1/**} (our REST API, used by CI systems and scripts) needs HTTP Basic
 * credentials of a Camunda user; {@code /engine-rest/**} is guarded by Camunda's own authentication filter
 * ({@link EngineRestAuthentication}); the Camunda webapps under {@code /camunda} run their own login and CSRF
 * protection, so Spring Security leaves them alone.
 */
@Configuration
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemAuthenticationEntryPoint entryPoint) throws Exception {
        return http.securityMatcher("/api/v1/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/v1/openapi/**", "/api/v1/openapi", "/api/v1/docs/**", "/api/v1/docs", "/api/v1/swagger-ui/**").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                .build();
    }
}
