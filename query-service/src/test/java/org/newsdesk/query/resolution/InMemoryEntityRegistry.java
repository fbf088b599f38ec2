package org.newsdesk.query.resolution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.newsdesk.contracts.Annotation.EntityType;

/**
 * The registry semantics of the SQL repository kept in memory for unit tests: entities with aliases
 * (the canonical name is an alias too), pinned aliases, blocking, and an admin split.
 */
final class InMemoryEntityRegistry implements CandidateLookup {

    record Alias(EntityNameKey name, boolean pinned) {
    }

    static final class Entity {
        final long id;
        final EntityType type;
        EntityNameKey name;
        boolean blocked;
        final List<Alias> aliases = new ArrayList<>();

        Entity(long id, EntityType type, EntityNameKey name) {
            this.id = id;
            this.type = type;
            this.name = name;
        }
    }

    private final Map<Long, Entity> entities = new LinkedHashMap<>();
    private final EntityResolver resolver = new EntityResolver(this);
    private long nextId = 1;

    /** Resolves and records the entity as the consumer would; returns the decision. */
    Resolution index(String name, EntityType type, String... mentionTexts) {
        Resolution resolution = resolver.resolve(new IncomingEntity(name, type, List.of(mentionTexts)));
        switch (resolution.outcome()) {
            case CREATE -> {
                Entity entity = new Entity(nextId++, type, resolution.name());
                entities.put(entity.id, entity);
                resolution.aliases().forEach(alias -> addAlias(entity, alias, false));
                return new Resolution(Resolution.Outcome.CREATE, entity.id, null, resolution.name(),
                        resolution.aliases(), false, resolution.evidence());
            }
            case JOIN -> {
                Entity entity = entities.get(resolution.entityId());
                if (resolution.adoptName()) {
                    entity.name = resolution.name();
                }
                resolution.aliases().forEach(alias -> addAlias(entity, alias, false));
            }
            case DROP -> {
            }
        }
        return resolution;
    }

    long entityOf(String name, EntityType type, String... mentionTexts) {
        Resolution resolution = index(name, type, mentionTexts);
        return Objects.requireNonNull(resolution.entityId(), () -> "no entity for " + name + ": " + resolution);
    }

    /** An admin moves one alias of an entity into a new entity of its own, pinned there. */
    long split(long entityId, String aliasDisplay) {
        Entity from = entities.get(entityId);
        EntityNameKey alias = EntityNameKey.of(aliasDisplay, from.type);
        from.aliases.removeIf(a -> a.name().key().equals(alias.key()));
        Entity split = new Entity(nextId++, from.type, alias);
        entities.put(split.id, split);
        addAlias(split, alias, true);
        return split.id;
    }

    void block(long entityId) {
        entities.get(entityId).blocked = true;
    }

    Entity entity(long id) {
        return entities.get(id);
    }

    int size() {
        return entities.size();
    }

    private static void addAlias(Entity entity, EntityNameKey alias, boolean pinned) {
        if (entity.aliases.stream().noneMatch(a -> a.name().key().equals(alias.key()))) {
            entity.aliases.add(new Alias(alias, pinned));
        }
    }

    @Override
    public boolean isBlockedName(String key) {
        return entities.values().stream().filter(e -> e.blocked)
                .anyMatch(e -> e.aliases.stream().anyMatch(a -> a.name().key().equals(key)));
    }

    @Override
    public List<Candidate> pinned(String key, EntityType type) {
        return find(type, a -> a.pinned() && key.equals(a.name().key()));
    }

    @Override
    public List<Candidate> byKey(String key, EntityType type) {
        return find(type, a -> key.equals(a.name().key()));
    }

    @Override
    public List<Candidate> byTranslitKey(String translitKey, EntityType type) {
        return find(type, a -> translitKey.equals(a.name().translitKey()));
    }

    @Override
    public List<Candidate> bySurname(String surnameKey, EntityType type) {
        return find(type, a -> surnameKey.equals(a.name().surnameKey()));
    }

    @Override
    public List<Candidate> byAcronym(String acronymKey, EntityType type) {
        return find(type, a -> acronymKey.equals(a.name().acronymKey()));
    }

    private List<Candidate> find(EntityType type, Function<Alias, Boolean> filter) {
        List<Candidate> found = new ArrayList<>();
        for (Entity entity : entities.values()) {
            if (entity.type != type) {
                continue;
            }
            for (Alias alias : entity.aliases) {
                if (filter.apply(alias)) {
                    found.add(new Candidate(entity.id, entity.name, alias.name(), alias.pinned(), entity.blocked));
                }
            }
        }
        return found;
    }
}
