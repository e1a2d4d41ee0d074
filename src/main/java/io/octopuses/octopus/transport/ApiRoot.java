package io.octopuses.octopus.transport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import feign.Feign;

/**
 * One root of the REST API, the server's ({@code {base}/api}) or a space's ({@code {base}/api/{spaceId}}), and the
 * Feign proxies targeted at it. Every area interface writes its request lines relative to a root, so the same
 * interface serves either: that is how a space's calls carry its id without taking it as a parameter. A proxy is
 * built on its area's first use (Feign reads an interface's annotations then), once.
 */
final class ApiRoot {

    private final Feign.Builder feign;
    private final String url;
    private final Map<Class<?>, Object> areas = new ConcurrentHashMap<>();

    ApiRoot(Feign.Builder feign, String url) {
        this.feign = feign;
        this.url = url;
    }

    /** The absolute URL of the root, without a trailing slash. */
    String url() {
        return url;
    }

    /** The Feign proxy of this Feign interface, targeted at this root. */
    <T> T area(Class<T> api) {
        return area(api, root -> root.target(api));
    }

    /** The area of this type, built from this root on first use (for areas that wrap a Feign proxy). */
    <T> T area(Class<T> api, Function<ApiRoot, ? extends T> build) {
        return api.cast(areas.computeIfAbsent(api, type -> build.apply(this)));
    }

    /** A new Feign proxy of this interface, targeted at this root. */
    <T> T target(Class<T> api) {
        return feign.target(api, url);
    }

    @Override
    public String toString() {
        return "ApiRoot[" + url + "]";
    }
}
