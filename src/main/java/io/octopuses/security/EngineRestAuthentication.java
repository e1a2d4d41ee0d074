package io.octopuses.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.octopuses.EngineAdapter;

/** Camunda's REST API is open by default; this puts HTTP Basic (Camunda users) in front of all of it. */
@Configuration
@EngineAdapter
class EngineRestAuthentication {

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new EveryCallAuthenticated());
        registration.setName("camunda-rest-authentication");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }

    /**
     * Camunda's filter lets {@code /engine-rest/engine} (the list of engine names) through without credentials, so
     * a client can pick an engine before it logs in. We have one engine and no reason to tell strangers about it.
     */
    static class EveryCallAuthenticated extends ProcessEngineAuthenticationFilter {

        @Override
        protected boolean requiresEngineAuthentication(String requestUrl) {
            return true;
        }
    }
}
