package io.octopuses.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds the body of every {@code /api/v1} call ({@code octopuses.api.max-request-size}, 1 MB by default), before
 * anything parses it: a declared length over the limit is refused at once with 413 problem JSON, and a chunked body
 * is cut off as soon as it passes the limit. A megabyte is far more than any request of this API needs, except on the
 * routes a module declares a {@link LargeRequestBody} for (a bundle upload): there its own limit applies to the
 * declared length, and the route bounds the streamed body itself.
 */
@Configuration
class RequestBodyLimit {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> requestBodyLimitFilter(ProblemWriter problems,
            @Value("${octopuses.api.max-request-size:1MB}") DataSize limit, ObjectProvider<LargeRequestBody> largeBodies) {
        List<LargeRequestBody> exemptions = largeBodies.orderedStream().toList();
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                LargeRequestBody large = exemptions.stream()
                        .filter(e -> e.method().equals(request.getMethod()) && e.path().equals(request.getRequestURI()))
                        .findFirst().orElse(null);
                if (large != null) {
                    if (request.getContentLengthLong() > large.maxBytes()) {
                        problems.write(response, HttpStatus.PAYLOAD_TOO_LARGE, large.problemType(), "Request body too large",
                                "The request body has " + request.getContentLengthLong() + " bytes; this instance takes at most "
                                        + large.maxBytes() + " here (" + large.limitProperty() + ").",
                                "Send a smaller body, or raise " + large.limitProperty() + " if such bodies are expected.");
                        return;
                    }
                    chain.doFilter(request, response);
                    return;
                }
                if (request.getContentLengthLong() > limit.toBytes()) {
                    problems.write(response, HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "Request body too large",
                            "The request body has " + request.getContentLengthLong() + " bytes; this API takes at most "
                                    + limit.toBytes() + ".",
                            "Send only the documented fields; no request of this API needs more than " + limit + ".");
                    return;
                }
                chain.doFilter(new Bounded(request, limit.toBytes()), response);
            }
        });
        registration.setName("request-body-limit");
        registration.addUrlPatterns("/api/v1/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 20);
        return registration;
    }

    /** A request whose body stream fails once more than {@code limit} bytes were read (a chunked body). */
    private static final class Bounded extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws IOException {
                        read += n;
                        if (read > limit) {
                            throw new IOException("The request body is larger than " + limit + " bytes");
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
