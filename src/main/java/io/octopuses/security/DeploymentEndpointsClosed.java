package io.octopuses.security;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Closes Camunda's deployment endpoints — {@code /engine-rest} and the webapps' own engine API under
 * {@code /camunda/api/engine} — for everyone, admins included: models come only from {@code processes/}, deployed
 * at start-up from reviewed code, because a deployed model runs with the engine's rights (see
 * docs/adr/0007-deployments-only-from-processes.md).
 */
@Configuration
class DeploymentEndpointsClosed {

    private static final Pattern DEPLOYING = Pattern.compile(".*/deployment/(create|[^/]+/redeploy)/*");

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> closedDeploymentEndpoints(ProblemWriter problems) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (isDeployment(request)) {
                    problems.write(response, HttpStatus.FORBIDDEN, "deployment-closed", "Deployments are closed",
                            "Process models cannot be deployed over the API; Octopuses deploys the models in its "
                                    + "processes/ folder when it starts.",
                            "Add or change the .bpmn/.form file in processes/, have it reviewed, and restart Octopuses.");
                    return;
                }
                chain.doFilter(request, response);
            }
        });
        registration.setName("closed-deployment-endpoints");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    static boolean isDeployment(HttpServletRequest request) {
        if (!"POST".equalsIgnoreCase(request.getMethod())) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length())
                .replaceAll("/{2,}", "/").toLowerCase(Locale.ROOT);
        return DEPLOYING.matcher(path).matches();
    }
}
