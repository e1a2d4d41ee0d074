package io.octopuses.octopus.resources;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One page of an Octopus list ({@code *ResourceCollection}). {@code LastPageNumber} is zero-based; {@code Links}
 * has {@code Page.Next} only while there is a next page. To read every page, use
 * {@link io.octopuses.octopus.OctopusClient#readAll(ResourceCollection, Class)}; where a resource has {@code /all}, prefer that.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResourceCollection<T>(String itemType, int totalResults, int itemsPerPage, int numberOfPages,
                                    int lastPageNumber, List<T> items, Map<String, String> links) {

    public static final String NEXT_PAGE = "Page.Next";

    public ResourceCollection {
        items = items == null ? List.of() : items;
        links = links == null ? Map.of() : links;
    }

    /** The {@code Page.Next} link, as Octopus wrote it (relative, possibly an RFC 6570 template). */
    public Optional<String> nextPageLink() {
        return Optional.ofNullable(links.get(NEXT_PAGE)).filter(l -> !l.isBlank());
    }
}
