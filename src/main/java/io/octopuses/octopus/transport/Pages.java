package io.octopuses.octopus.transport;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import feign.RequestLine;

import io.octopuses.octopus.resources.ResourceCollection;

/**
 * Walks a paged Octopus list by following {@code Links["Page.Next"]} until it is absent, the way Octopus's own
 * clients do. Links are resolved against the server's base URL (keeping a virtual directory such as
 * {@code /octopus}), RFC 6570 template parts ({@code {?skip,take}}) are stripped, and a link to any other origin is
 * refused: the API key goes to the registered server only.
 */
final class Pages {

    /** Upper bound on pages followed, against a server that keeps answering with a next link. */
    static final int MAX_PAGES = 100_000;
    private static final Pattern TEMPLATE = Pattern.compile("\\{[^}]*}");

    /** Fetches a page by absolute URL, through the same Feign stack (auth, retries, error mapping). */
    interface LinkFollower {
        @RequestLine("GET")
        JsonNode get(URI page);
    }

    private final URI baseUrl;
    private final LinkFollower follower;
    private final ObjectMapper json;

    Pages(URI baseUrl, LinkFollower follower, ObjectMapper json) {
        this.baseUrl = baseUrl;
        this.follower = follower;
        this.json = json;
    }

    <T> List<T> readAll(ResourceCollection<T> firstPage, Class<T> itemType) {
        List<T> all = new ArrayList<>(Math.max(firstPage.totalResults(), firstPage.items().size()));
        stream(firstPage, itemType).forEach(all::add);
        return all;
    }

    <T> Stream<T> stream(ResourceCollection<T> firstPage, Class<T> itemType) {
        Objects.requireNonNull(firstPage, "firstPage");
        JavaType pageType = json.getTypeFactory().constructParametricType(ResourceCollection.class, itemType);
        Iterator<ResourceCollection<T>> pages = new Iterator<>() {
            private ResourceCollection<T> unread = firstPage;
            private String nextLink;
            private final Set<URI> seen = new HashSet<>();

            @Override
            public boolean hasNext() {
                return unread != null || nextLink != null;
            }

            @Override
            public ResourceCollection<T> next() {
                if (unread == null) {
                    if (nextLink == null) {
                        throw new NoSuchElementException();
                    }
                    URI uri = resolve(baseUrl, nextLink);
                    if (!seen.add(uri) || seen.size() > MAX_PAGES) {
                        throw new IllegalStateException("Octopus paging does not end: " + uri + " again");
                    }
                    unread = json.convertValue(follower.get(uri), pageType);
                }
                ResourceCollection<T> page = unread;
                unread = null;
                // fetched only when the stream asks for the page after this one
                nextLink = page.nextPageLink().orElse(null);
                return page;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED), false)
                .flatMap(page -> page.items().stream());
    }

    /** {@code /api/x{?skip,take}} becomes {@code /api/x}; {@code /api/x?skip=30&take=30} is kept as it is. */
    static String stripTemplate(String link) {
        return TEMPLATE.matcher(link).replaceAll("");
    }

    /**
     * The absolute URL of an Octopus link. Octopus writes links from its root ({@code /api/...}) or, behind a
     * virtual directory, with it ({@code /octopus/api/...}); either way the result is under {@code baseUrl}.
     */
    static URI resolve(URI baseUrl, String link) {
        String path = stripTemplate(link.strip());
        if (path.startsWith("~/")) {
            path = path.substring(1);
        }
        URI uri = URI.create(path);
        if (uri.isAbsolute()) {
            if (!sameOrigin(baseUrl, uri)) {
                throw new IllegalStateException("Refusing to follow a link to another server: " + uri.getHost());
            }
            return uri;
        }
        if (!path.startsWith("/")) {
            path = "/" + path;
        }
        String prefix = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath();
        if (!prefix.isEmpty() && !path.startsWith(prefix + "/")) {
            path = prefix + path;
        }
        return URI.create(baseUrl.getScheme() + "://" + baseUrl.getRawAuthority() + path);
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
