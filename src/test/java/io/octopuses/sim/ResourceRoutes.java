package io.octopuses.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The routes most Octopus resources share: paged list ({@code skip}, {@code take}, {@code ids}, {@code partialName},
 * {@code name}), {@code /all} as a plain array, get, create (201), modify and delete. Each resource adds its own
 * rules through the hooks.
 */
final class ResourceRoutes {

    enum Scope { SYSTEM, SPACE, BOTH }

    private final ServerState state;
    private final Table table;
    private final Shape shape;
    private Function<ApiRequest, JsonNode> defaults = r -> Json.object();
    private BiConsumer<ObjectNode, ObjectNode> validate = (candidate, existing) -> { };
    private Consumer<ObjectNode> afterCreate = row -> { };
    private Consumer<ObjectNode> afterModify = row -> { };
    private Consumer<ObjectNode> beforeDelete = row -> { };
    private BiFunction<ApiRequest, List<ObjectNode>, List<ObjectNode>> filter = (r, rows) -> rows;
    private Comparator<ObjectNode> order = null;
    private boolean uniqueName = true;
    private String templateQuery = "skip,take,ids,partialName";
    private Function<ApiRequest, String> idFactory;
    private int createdStatus = 201;
    private boolean withAll = true;
    private JsonNode deleteBody;

    ResourceRoutes(ServerState state, Table table, String shapeName) {
        this.state = state;
        this.table = table;
        this.shape = Shapes.get(shapeName);
        this.idFactory = r -> state.nextId(table.idPrefix());
    }

    ResourceRoutes defaults(Function<ApiRequest, JsonNode> defaults) {
        this.defaults = defaults;
        return this;
    }

    /** Throws {@link OctopusException} when the candidate may not be saved; {@code existing} is null on create. */
    ResourceRoutes validate(BiConsumer<ObjectNode, ObjectNode> validate) {
        this.validate = validate;
        return this;
    }

    ResourceRoutes afterCreate(Consumer<ObjectNode> hook) {
        this.afterCreate = hook;
        return this;
    }

    ResourceRoutes afterModify(Consumer<ObjectNode> hook) {
        this.afterModify = hook;
        return this;
    }

    ResourceRoutes beforeDelete(Consumer<ObjectNode> hook) {
        this.beforeDelete = hook;
        return this;
    }

    ResourceRoutes filter(BiFunction<ApiRequest, List<ObjectNode>, List<ObjectNode>> filter) {
        this.filter = filter;
        return this;
    }

    ResourceRoutes order(Comparator<ObjectNode> order) {
        this.order = order;
        return this;
    }

    ResourceRoutes allowDuplicateNames() {
        this.uniqueName = false;
        return this;
    }

    ResourceRoutes template(String templateQuery) {
        this.templateQuery = templateQuery;
        return this;
    }

    /** What DELETE answers, for resources whose published DELETE returns a body. */
    ResourceRoutes deleteAnswers(JsonNode body) {
        this.deleteBody = body;
        return this;
    }

    /** For resources without an {@code /all} route on a real server. */
    ResourceRoutes withoutAll() {
        this.withAll = false;
        return this;
    }

    ResourceRoutes ids(Function<ApiRequest, String> idFactory) {
        this.idFactory = idFactory;
        return this;
    }

    void register(Router router, Scope scope) {
        String base = "/" + table.collection();
        if (scope == Scope.SYSTEM || scope == Scope.BOTH) {
            router.add("GET", "/api" + base, this::list);
            if (withAll) {
                router.add("GET", "/api" + base + "/all", this::all);
            }
            router.add("GET", "/api" + base + "/{id}", this::get);
            router.add("POST", "/api" + base, this::create);
            router.add("PUT", "/api" + base + "/{id}", this::modify);
            router.add("DELETE", "/api" + base + "/{id}", this::delete);
        }
        if (scope == Scope.SPACE) {
            router.spaced("GET", base, this::list);
            if (withAll) {
                router.spaced("GET", base + "/all", this::all);
            }
            router.spaced("GET", base + "/{id}", this::get);
            router.spaced("POST", base, this::create);
            router.spaced("PUT", base + "/{id}", this::modify);
            router.spaced("DELETE", base + "/{id}", this::delete);
        } else if (scope == Scope.BOTH) {
            String spaced = Router.SPACE_PREFIX + base;
            router.add("GET", spaced, this::list);
            if (withAll) {
                router.add("GET", spaced + "/all", this::all);
            }
            router.add("GET", spaced + "/{id}", this::get);
            router.add("POST", spaced, this::create);
            router.add("PUT", spaced + "/{id}", this::modify);
            router.add("DELETE", spaced + "/{id}", this::delete);
        }
    }

    /** The rows a request may see, filtered by the standard list parameters and the resource's own filter. */
    List<ObjectNode> select(ApiRequest request) {
        List<ObjectNode> rows = new ArrayList<>(table.list(request.spaceId()));
        List<String> ids = request.queryList("ids");
        if (!ids.isEmpty()) {
            rows.removeIf(r -> ids.stream().noneMatch(id -> id.equalsIgnoreCase(Json.text(r, "Id"))));
        }
        String partialName = request.query("partialName");
        if (partialName == null) {
            partialName = request.query("name");
        }
        if (partialName != null && !partialName.isEmpty()) {
            String needle = partialName.toLowerCase(Locale.ROOT);
            rows.removeIf(r -> !String.valueOf(Json.text(r, "Name")).toLowerCase(Locale.ROOT).contains(needle));
        }
        rows = new ArrayList<>(filter.apply(request, rows)); // filters may answer an immutable Stream.toList()
        if (order != null) {
            rows.sort(order);
        }
        return rows;
    }

    ApiResponse list(ApiRequest request) {
        return ApiResponse.ok(PagedCollection.of(request, table.itemType(), table.render(select(request)), templateQuery));
    }

    ApiResponse all(ApiRequest request) {
        return ApiResponse.ok(Json.array(table.render(select(request))));
    }

    ApiResponse get(ApiRequest request) {
        return ApiResponse.ok(table.render(find(request)));
    }

    ObjectNode find(ApiRequest request) {
        String id = request.param("id");
        return table.findByIdOrSlugOrName(request.spaceId(), id).orElseThrow(() -> OctopusException.notFound(id));
    }

    ApiResponse create(ApiRequest request) {
        return create(request, request.json());
    }

    /** Creates from a body the route has amended (a project-scoped route sets the project, say). */
    ApiResponse create(ApiRequest request, JsonNode body) {
        ObjectNode row = shape.normalize(body, defaults.apply(request));
        row.remove("Id");
        if (table.spaceScoped() || (request.spaceId() != null && shape.has("SpaceId"))) {
            row.put("SpaceId", request.spaceId());
        }
        checkName(row, null);
        validate.accept(row, null);
        ObjectNode withId = Json.object("Id", idFactory.apply(request));
        withId.setAll(row);
        row = withId;
        table.put(state.touch(row));
        afterCreate.accept(row);
        return ApiResponse.json(createdStatus, table.render(row));
    }

    ApiResponse modify(ApiRequest request) {
        ObjectNode existing = find(request);
        ObjectNode row = shape.normalize(request.json(), existing);
        row.put("Id", Json.text(existing, "Id"));
        if (table.spaceScoped()) {
            row.put("SpaceId", Json.text(existing, "SpaceId"));
        }
        checkName(row, existing);
        validate.accept(row, existing);
        table.remove(existing);
        table.put(state.touch(row));
        afterModify.accept(row);
        return ApiResponse.ok(table.render(row));
    }

    ApiResponse delete(ApiRequest request) {
        ObjectNode existing = find(request);
        beforeDelete.accept(existing);
        table.remove(existing);
        return deleteBody == null ? ApiResponse.empty(200) : ApiResponse.ok(deleteBody.deepCopy());
    }

    private void checkName(ObjectNode row, ObjectNode existing) {
        if (!shape.has("Name")) {
            return;
        }
        String name = Json.text(row, "Name");
        if (name == null || name.isBlank()) {
            throw OctopusException.badRequest("Please provide a name for the " + humanType() + ".");
        }
        if (uniqueName) {
            table.findByName(Json.text(row, "SpaceId"), name)
                    .filter(other -> existing == null || !Json.text(other, "Id").equals(Json.text(existing, "Id")))
                    .ifPresent(other -> {
                        throw OctopusException.badRequest("A " + humanType() + " with the name '" + name
                                + "' already exists. Please choose a different name.");
                    });
        }
    }

    private String humanType() {
        return table.itemType().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    static Comparator<ObjectNode> byName() {
        return Comparator.comparing(r -> String.valueOf(Json.text(r, "Name")).toLowerCase(Locale.ROOT));
    }
}
