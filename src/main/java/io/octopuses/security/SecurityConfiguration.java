package io.octopuses.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Who may call what. {@code /api/v1/**} (our REST API, used by CI systems and scripts) needs a personal API token
 * ({@code Authorization: Bearer}, {@link BearerTokens}) or HTTP Basic credentials of a Camunda user, and each
 * call a {@link Role}: reading needs any account, polling and uploading bundles an operator, managing one's own tokens any
 * account, every other change a farm admin — deny by default, so a new endpoint is admin-only until a rule
 * here says otherwise. {@code /engine-rest/**} is guarded by Camunda's own authentication filter and
 * authorizations ({@link EngineRestAuthentication}); the Camunda webapps under {@code /camunda} run their own
 * login and CSRF protection, so Spring Security leaves them alone.
 */
@Configuration
class SecurityConfiguration {

    private static final String[] PUBLIC_DOCS = {
            "/api/v1/openapi/**", "/api/v1/openapi", "/api/v1/docs/**", "/api/v1/docs", "/api/v1/swagger-ui/**"};

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy(Role.hierarchy());
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemAuthenticationEntryPoint entryPoint,
                                    ProblemAccessDeniedHandler accessDenied, ApiTokens tokens,
                                    UserAuthorities authorities) throws Exception {
        return http.securityMatcher("/api/v1/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(PUBLIC_DOCS).permitAll()
                        // everyone manages their own tokens; ApiTokenController checks farm admins for others'
                        .requestMatchers("/api/v1/tokens", "/api/v1/tokens/*").hasRole(Role.READER.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/**").hasRole(Role.READER.name())
                        .requestMatchers(HttpMethod.HEAD, "/api/v1/**").hasRole(Role.READER.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/servers/*/health/poll").hasRole(Role.OPERATOR.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/promotions").hasRole(Role.OPERATOR.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/upgrades", "/api/v1/upgrades/plan",
                                "/api/v1/upgrades/*/cancel", "/api/v1/upgrades/pins").hasRole(Role.OPERATOR.name())
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/upgrades/pins/*").hasRole(Role.OPERATOR.name())
                        // access: validating a desired state reads every targeted server, so operators; importing
                        // it (PUT) is a farm-admin matter and falls to the default rule below
                        .requestMatchers(HttpMethod.POST, "/api/v1/access/desired-state/validate",
                                "/api/v1/access/plan").hasRole(Role.OPERATOR.name())
                        // auth providers: the report (GET) is for readers; the standard and applying it change how
                        // people sign in to every server, so farm admins only, whatever the default below becomes
                        .requestMatchers(HttpMethod.PUT, "/api/v1/access/auth-providers/standard").hasRole(Role.FARM_ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/access/auth-providers/apply").hasRole(Role.FARM_ADMIN.name())
                        // access requests: anyone signed in asks for access (as themselves) and revokes what they
                        // may; AccessRequestController checks the requester, owners and farm admins
                        .requestMatchers(HttpMethod.POST, "/api/v1/access/requests", "/api/v1/access/requests/*/revoke")
                        .hasRole(Role.READER.name())
                        // bundles: operators upload into the inbox and say an outgoing one was carried off
                        .requestMatchers(HttpMethod.POST, "/api/v1/bundles", "/api/v1/bundles/outbox/*/collected")
                        .hasRole(Role.OPERATOR.name())
                        .anyRequest().hasRole(Role.FARM_ADMIN.name()))
                .addFilterBefore(BearerTokens.filter(tokens, authorities, entryPoint), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
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
