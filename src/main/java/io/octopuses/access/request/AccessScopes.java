package io.octopuses.access.request;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a server role request is limited to, by name, as in a desired-state grant: none given means the default
 * space and no limit on the other dimensions.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record AccessScopes(List<String> spaces, List<String> environments, List<String> projectGroups,
                           List<String> projects) {

    public AccessScopes {
        spaces = clean(spaces);
        environments = clean(environments);
        projectGroups = clean(projectGroups);
        projects = clean(projects);
    }

    public static AccessScopes none() {
        return new AccessScopes(null, null, null, null);
    }

    private static List<String> clean(List<String> names) {
        return names == null ? List.of()
                : names.stream().filter(name -> name != null && !name.isBlank()).map(String::strip).distinct().toList();
    }
}
