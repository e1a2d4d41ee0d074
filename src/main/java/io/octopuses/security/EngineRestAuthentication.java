package io.octopuses.security;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.octopuses.EngineAdapter;

/**
 * Camunda's REST API is open by default; this puts Camunda's authentication filter in front of all of it, taking a
 * personal API token ({@code Authorization: Bearer}) or HTTP Basic (Camunda users). Tokens work here too because
 * CI reads tasks and process state from {@code /engine-rest}, and CI should hold no password; a token acts with
 * exactly its user's Camunda groups and authorizations, as that user's password would.
 */
@Configuration
@EngineAdapter
class EngineRestAuthentication {

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter(ApiTokens tokens) {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new TokenOrBasicAuthenticationFilter(new TokenOrBasicAuthentication(tokens)));
        registration.setName("camunda-rest-authentication");
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }

    /**
     * Camunda's filter creates its provider by class name, which leaves no way to hand it a Spring bean; this one
     * takes the provider as built here and keeps the rest of Camunda's behaviour (engine lookup, groups, tenants).
     * Camunda's filter also lets {@code /engine-rest/engine} (the list of engine names) through without
     * credentials, so a client can pick an engine before it logs in; we have one engine and no reason to tell
     * strangers about it, so every call needs credentials.
     */
    static final class TokenOrBasicAuthenticationFilter extends ProcessEngineAuthenticationFilter {

        TokenOrBasicAuthenticationFilter(AuthenticationProvider provider) {
            this.authenticationProvider = provider;
        }

        @Override
        public void init(FilterConfig config) {
            this.servletPathPrefix = config.getInitParameter(SERVLET_PATH_PREFIX);
        }

        @Override
        protected boolean requiresEngineAuthentication(String requestUrl) {
            return true;
        }
    }

    /** A bearer token if the call presents one (and then only the token counts), else Camunda's HTTP Basic. */
    static final class TokenOrBasicAuthentication implements AuthenticationProvider {

        private final ApiTokens tokens;
        private final HttpBasicAuthenticationProvider basic = new HttpBasicAuthenticationProvider();

        TokenOrBasicAuthentication(ApiTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
            String secret = BearerTokens.secret(request);
            if (secret == null) {
                return basic.extractAuthenticatedUser(request, engine);
            }
            return tokens.verify(secret)
                    .map(token -> AuthenticationResult.successful(token.userId()))
                    .orElseGet(AuthenticationResult::unsuccessful);
        }

        @Override
        public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
            basic.augmentResponseByAuthenticationChallenge(response, engine); // sets, so it comes first
            response.addHeader("WWW-Authenticate", "Bearer realm=\"" + engine.getName() + "\"");
        }
    }
}
