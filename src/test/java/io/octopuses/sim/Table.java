package io.octopuses.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * One kind of stored resource (like one table of Octopus's database): rows keyed by space and id, case-insensitive
 * as Octopus ids are, and how a row is shown (its {@code Links}, and anything hidden from readers).
 */
final class Table {

    private final String itemType;
    private final String idPrefix;
    private final String collection;
    private final boolean spaceScoped;
    private final Map<String, ObjectNode> rows = new LinkedHashMap<>();
    private BiConsumer<ObjectNode, ObjectNode> extraLinks = (row, links) -> { };
    private UnaryOperator<ObjectNode> view = UnaryOperator.identity();
    private Function<ObjectNode, String> selfPath;
    private Shape shape;

    Table(String itemType, String idPrefix, String collection, boolean spaceScoped) {
        this.itemType = itemType;
        this.idPrefix = idPrefix;
        this.collection = collection;
        this.spaceScoped = spaceScoped;
    }

    String itemType() {
        return itemType;
    }

    String idPrefix() {
        return idPrefix;
    }

    String collection() {
        return collection;
    }

    boolean spaceScoped() {
        return spaceScoped;
    }

    Table links(BiConsumer<ObjectNode, ObjectNode> extra) {
        this.extraLinks = extra;
        return this;
    }

    /** The resource type clients see; rendering keeps only its fields. */
    Table shape(String shapeName) {
        this.shape = Shapes.get(shapeName);
        return this;
    }

    /** For rows served under their owner ({@code /api/users/Users-2/apikeys/apikeys-1}) rather than a collection of their own. */
    Table selfPath(Function<ObjectNode, String> selfPath) {
        this.selfPath = selfPath;
        return this;
    }

    Table view(UnaryOperator<ObjectNode> view) {
        this.view = view;
        return this;
    }

    Optional<ObjectNode> find(String spaceId, String id) {
        if (id == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(rows.get(key(spaceScoped ? spaceId : null, id)));
    }

    /** The row, or Octopus's 404 "The resource 'X' was not found.". */
    ObjectNode get(String spaceId, String id) {
        return find(spaceId, id).orElseThrow(() -> OctopusException.notFound(id));
    }

    /** A row looked up by id, slug or name (newer servers accept all three on most routes). */
    Optional<ObjectNode> findByIdOrSlugOrName(String spaceId, String idOrSlug) {
        Optional<ObjectNode> byId = find(spaceId, idOrSlug);
        if (byId.isPresent()) {
            return byId;
        }
        return list(spaceId).stream()
                .filter(r -> idOrSlug.equalsIgnoreCase(Json.text(r, "Slug")) || idOrSlug.equalsIgnoreCase(Json.text(r, "Name")))
                .findFirst();
    }

    Optional<ObjectNode> findByName(String spaceId, String name) {
        return list(spaceId).stream().filter(r -> name != null && name.equalsIgnoreCase(Json.text(r, "Name"))).findFirst();
    }

    /** Rows of one space (or every row, for system-level tables or a null space). */
    List<ObjectNode> list(String spaceId) {
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode row : rows.values()) {
            if (!spaceScoped || spaceId == null || spaceId.equalsIgnoreCase(Json.text(row, "SpaceId"))) {
                out.add(row);
            }
        }
        return out;
    }

    List<ObjectNode> all() {
        return new ArrayList<>(rows.values());
    }

    ObjectNode put(ObjectNode row) {
        row.remove("Links");
        rows.put(key(spaceScoped ? Json.text(row, "SpaceId") : null, Json.text(row, "Id")), row);
        return row;
    }

    void remove(ObjectNode row) {
        rows.remove(key(spaceScoped ? Json.text(row, "SpaceId") : null, Json.text(row, "Id")));
    }

    void clear() {
        rows.clear();
    }

    /** The row as a client sees it: a copy, with {@code Links} and without anything the server never returns. */
    ObjectNode render(ObjectNode row) {
        ObjectNode shown = view.apply(row.deepCopy());
        if (shape != null) {
            shape.retainKnown(shown);
        }
        ObjectNode links = Json.object("Self", selfPath(row));
        extraLinks.accept(row, links);
        shown.set("Links", links);
        return shown;
    }

    List<ObjectNode> render(List<ObjectNode> rows) {
        List<ObjectNode> out = new ArrayList<>(rows.size());
        rows.forEach(r -> out.add(render(r)));
        return out;
    }

    String selfPath(ObjectNode row) {
        if (selfPath != null) {
            return selfPath.apply(row);
        }
        return collectionPath(Json.text(row, "SpaceId")) + "/" + Json.text(row, "Id");
    }

    String collectionPath(String spaceId) {
        return spaceScoped ? "/api/" + spaceId + "/" + collection : "/api/" + collection;
    }

    private static String key(String spaceId, String id) {
        return (spaceId == null ? "" : spaceId.toLowerCase()) + "|" + id.toLowerCase();
    }
}
