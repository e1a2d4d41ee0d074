package io.octopuses.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts {@link LoginThrottleFilter} in front of Spring Security and Camunda's filters, wherever a password is checked. */
@Configuration
class LoginThrottling {

    @Bean
    FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(LoginThrottle throttle, ProblemWriter problems,
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        String webappAuthPath = webappPath.replaceAll("/+$", "") + "/api/admin/auth/user/";
        FilterRegistrationBean<LoginThrottleFilter> registration =
                new FilterRegistrationBean<>(new LoginThrottleFilter(throttle, problems, webappAuthPath));
        registration.setName("login-throttle");
        registration.addUrlPatterns("/api/v1/*", "/engine-rest/*", webappAuthPath + "*");
        // after Spring's ForwardedHeaderFilter (when server.forward-headers-strategy=framework), before the rest
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }
}
