package io.octopuses.promotion.copy;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.octopuses.octopus.SpaceClient;

/**
 * The ids and names of one space's resources that a release can refer to, read once: the source turns ids into
 * names with it, the target names into ids. Names match case-insensitively, as Octopus's do.
 */
final class NameIndex {

    private record Entry(ResourceKind kind, String id, String name) {
    }

    private final Map<ResourceKind, Map<String, Entry>> byName = new EnumMap<>(ResourceKind.class);
    private final Map<String, Entry> byId = new LinkedHashMap<>();

    /** Everything of the space, and the channels of {@code projectId} (null: none yet). */
    static NameIndex of(SpaceClient space, String projectId) {
        NameIndex index = new NameIndex();
        space.environments().all().forEach(e -> index.add(ResourceKind.ENVIRONMENT, e.id(), e.name()));
        space.lifecycles().all().forEach(l -> index.add(ResourceKind.LIFECYCLE, l.id(), l.name()));
        space.feeds().all().forEach(f -> index.add(ResourceKind.FEED, f.id(), f.name()));
        space.workerPools().all().forEach(p -> index.add(ResourceKind.WORKER_POOL, p.id(), p.name()));
        space.accounts().all().forEach(a -> index.add(ResourceKind.ACCOUNT, a.id(), a.name()));
        space.certificates().all().forEach(c -> index.add(ResourceKind.CERTIFICATE, c.id(), c.name()));
        space.actionTemplates().all().forEach(t -> index.add(ResourceKind.STEP_TEMPLATE, t.id(), t.name()));
        space.libraryVariableSets().all().forEach(s -> index.add(ResourceKind.LIBRARY_VARIABLE_SET, s.id(), s.name()));
        space.projectGroups().all().forEach(g -> index.add(ResourceKind.PROJECT_GROUP, g.id(), g.name()));
        if (projectId != null) {
            space.readAll(space.channels().forProject(projectId, 0, Integer.MAX_VALUE),
                    io.octopuses.octopus.resources.ChannelResource.class)
                    .forEach(c -> index.add(ResourceKind.CHANNEL, c.id(), c.name()));
        }
        return index;
    }

    /** Only the channels of {@code projectId}: all a new release needs (one call instead of ten). */
    static NameIndex channelsOf(SpaceClient space, String projectId) {
        NameIndex index = new NameIndex();
        space.readAll(space.channels().forProject(projectId, 0, Integer.MAX_VALUE),
                io.octopuses.octopus.resources.ChannelResource.class)
                .forEach(c -> index.add(ResourceKind.CHANNEL, c.id(), c.name()));
        return index;
    }

    /** A copy to add planned entries to, leaving this one as the space is. */
    NameIndex copy() {
        NameIndex copy = new NameIndex();
        byId.values().forEach(e -> copy.add(e.kind(), e.id(), e.name()));
        return copy;
    }

    void add(ResourceKind kind, String id, String name) {
        Entry entry = new Entry(kind, id, name);
        byName.computeIfAbsent(kind, k -> new LinkedHashMap<>()).putIfAbsent(name.toLowerCase(Locale.ROOT), entry);
        byId.put(id.toLowerCase(Locale.ROOT), entry);
    }

    Optional<String> name(ResourceKind kind, String id) {
        Entry entry = id == null ? null : byId.get(id.toLowerCase(Locale.ROOT));
        return entry != null && entry.kind() == kind ? Optional.of(entry.name()) : Optional.empty();
    }

    Optional<String> id(ResourceKind kind, String name) {
        Entry entry = name == null ? null : byName.getOrDefault(kind, Map.of()).get(name.toLowerCase(Locale.ROOT));
        return Optional.ofNullable(entry).map(Entry::id);
    }

    boolean has(ResourceKind kind, String name) {
        return id(kind, name).isPresent();
    }

    /** The kind and name of whatever has this id, if anything here does. */
    Optional<Map.Entry<ResourceKind, String>> lookup(String id) {
        Entry entry = id == null ? null : byId.get(id.toLowerCase(Locale.ROOT));
        return Optional.ofNullable(entry).map(e -> Map.entry(e.kind(), e.name()));
    }

    /** Names of one kind, as the space spells them. */
    java.util.List<String> names(ResourceKind kind) {
        return byName.getOrDefault(kind, Map.of()).values().stream().map(Entry::name).toList();
    }
}
