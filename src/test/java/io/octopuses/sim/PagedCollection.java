package io.octopuses.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Octopus's paging envelope ({@code *ResourceCollection}): {@code skip}/{@code take} (default 30), zero-based
 * {@code LastPageNumber}, and {@code Page.Next} only while there is a next page. Paging links keep the request's
 * filters, so following {@code Page.Next} walks the same result set.
 */
final class PagedCollection {

    static final int DEFAULT_TAKE = 30;

    private PagedCollection() {
    }

    static ObjectNode of(ApiRequest request, String itemType, List<? extends JsonNode> all, String templateQuery) {
        int skip = request.intQuery("skip", 0);
        int take = request.intQuery("take", DEFAULT_TAKE);
        int total = all.size();
        int from = Math.min(skip, total);
        int to = (int) Math.min((long) from + take, total);
        int pages = take == 0 ? 1 : (int) Math.max(1, (total + (long) take - 1) / take);

        String path = request.path();
        String filters = filterQuery(request.filters());
        ObjectNode links = Json.object(
                "Self", page(path, filters, skip, take),
                "Template", path + "{?" + templateQuery + "}",
                "Page.All", page(path, filters, 0, Integer.MAX_VALUE),
                "Page.Current", page(path, filters, skip, take),
                "Page.Last", page(path, filters, (long) (pages - 1) * take, take));
        if (take > 0 && (long) skip + take < total) {
            links.put("Page.Next", page(path, filters, (long) skip + take, take));
        }
        return Json.object(
                "ItemType", itemType,
                "TotalResults", total,
                "ItemsPerPage", take,
                "NumberOfPages", pages,
                "LastPageNumber", pages - 1,
                "Items", Json.array(all.subList(from, to)),
                "Links", links);
    }

    private static String page(String path, String filters, long skip, int take) {
        return path + "?" + filters + "skip=" + skip + "&take=" + take;
    }

    private static String filterQuery(Map<String, List<String>> filters) {
        StringBuilder out = new StringBuilder();
        filters.forEach((name, values) -> values.forEach(v -> out.append(encode(name)).append('=').append(encode(v)).append('&')));
        return out.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
