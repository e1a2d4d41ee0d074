package io.octopuses.octopus.areas;

import java.util.List;

/**
 * Filters for {@code GET /api/tasks}. Null fields are left out of the query. Names are Octopus's query parameters.
 *
 * @param states                  {@code Queued}, {@code Executing}, {@code Cancelling}, {@code Success}, {@code Failed},
 *                                {@code Canceled}, {@code TimedOut}
 * @param spaces                  {@code all} for every space, or space ids
 * @param includeSystem           include system tasks (health checks, retention, ...)
 * @param node                    only tasks on this server node (its name)
 * @param ids                     only these task ids
 * @param name                    task types, e.g. {@code Deploy}, {@code Health}
 * @param project                 a project id
 * @param environment             an environment id
 * @param hasPendingInterruptions only tasks waiting for a person
 * @param skip                    paging
 * @param take                    page size
 */
public record TaskQuery(List<String> states, List<String> spaces, Boolean includeSystem, String node,
                        List<String> ids, List<String> name, String project, String environment,
                        Boolean hasPendingInterruptions, Integer skip, Integer take) {

    // No static fields here: Feign's @QueryMap encoder sends every declared field, static ones included.

    /** Every task in these states, in every space, system tasks included. */
    public static TaskQuery inStates(String... states) {
        return new TaskQuery(List.of(states), List.of("all"), true, null, null, null, null, null, null, null, null);
    }

    /** Queued, executing or cancelling tasks in every space, system tasks included: what a drain waits for. */
    public static TaskQuery active() {
        return inStates("Queued", "Executing", "Cancelling");
    }

    /** These tasks, in whatever space. */
    public static TaskQuery ids(List<String> ids) {
        return new TaskQuery(null, List.of("all"), true, null, List.copyOf(ids), null, null, null, null, null, null);
    }

    public TaskQuery onNode(String node) {
        return new TaskQuery(states, spaces, includeSystem, node, ids, name, project, environment,
                hasPendingInterruptions, skip, take);
    }

    public TaskQuery page(Integer skip, Integer take) {
        return new TaskQuery(states, spaces, includeSystem, node, ids, name, project, environment,
                hasPendingInterruptions, skip, take);
    }

    public TaskQuery take(int take) {
        return page(skip, take);
    }
}
