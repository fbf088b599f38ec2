package org.newsdesk.query.service;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.newsdesk.contracts.problem.ProblemException;
import org.newsdesk.query.repository.EntityProfileTables;
import org.newsdesk.query.repository.EntityRepository;
import org.newsdesk.query.repository.EntityRepository.AliasRow;
import org.newsdesk.query.repository.EntityRepository.EntityRow;
import org.newsdesk.query.resolution.EntityNameKey;

/**
 * Admin curation of the entity registry: merge, split, rename, block. Every change pins the aliases it
 * touches, so that re-annotating an article resolves to the curated entity again, and every change is
 * written to the audit trail with the admin's name and reason. The precomputed profile tables of the entities
 * involved are recounted in the same transaction.
 */
@ApplicationScoped
public class CurationService {

    @Inject
    EntityRepository entities;

    @Inject
    EntityProfileTables profileTables;

    /** Merges {@code id} into {@code into}; returns the surviving entity id. */
    @Transactional
    public long merge(long id, long into, String actor, String reason) {
        EntityRow from = current(id);
        EntityRow to = current(into);
        if (from.id() == to.id()) {
            throw ProblemException.badRequest("entity " + id + " is already entity " + into);
        }
        entities.merge(from.id(), to.id());
        profileTables.recount(List.of(from.id(), to.id()));
        entities.audit(from.id(), to.id(), "MERGE", reasonOr(reason, "admin merge"), from.name(), null, null, actor);
        return to.id();
    }

    /** Moves the named aliases (and the mentions written that way) into a new entity; returns its id. */
    @Transactional
    public long split(long id, List<String> aliasNames, String actor, String reason) {
        EntityRow from = current(id);
        if (aliasNames == null || aliasNames.isEmpty()) {
            throw ProblemException.badRequest("name at least one alias to split off");
        }
        List<AliasRow> aliases = entities.aliases(from.id());
        String canonicalKey = EntityNameKey.of(from.name(), from.type()).key();
        Set<String> keys = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String name : aliasNames) {
            String key = EntityNameKey.of(name, from.type()).key();
            if (aliases.stream().noneMatch(a -> a.aliasKey().equals(key))) {
                unknown.add(name);
            } else if (key.equals(canonicalKey)) {
                throw ProblemException.badRequest("'" + name + "' is the entity's own name: rename it first");
            } else {
                keys.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            throw new ProblemException(400, "Bad Request", "not aliases of entity " + from.id() + ": " + unknown, unknown);
        }
        EntityNameKey newName = EntityNameKey.of(aliasNames.get(0), from.type());
        long created = entities.create(newName, from.type(), from.subtype());
        List<Object[]> moved = new ArrayList<>();
        for (Object[] mention : entities.mentionsOf(from.id())) {
            if (keys.contains(EntityNameKey.of((String) mention[3], from.type()).key())) {
                moved.add(new Object[] {created, (UUID) mention[0], mention[1], mention[2], from.id()});
            }
        }
        entities.split(from.id(), created, new ArrayList<>(keys), moved);
        profileTables.recount(List.of(from.id(), created));
        for (String name : aliasNames) {
            entities.audit(from.id(), created, "SPLIT", reasonOr(reason, "admin split"), name, null,
                    moved.size() + " mentions moved", actor);
        }
        return created;
    }

    @Transactional
    public long rename(long id, String name, String actor, String reason) {
        EntityRow entity = current(id);
        if (name == null || name.isBlank() || name.length() > 300) {
            throw ProblemException.badRequest("a new name of 1 to 300 characters is required");
        }
        EntityNameKey derived = EntityNameKey.of(name.strip(), entity.type());
        if (derived.key().isEmpty()) {
            throw ProblemException.badRequest("the new name has no letters or digits");
        }
        // the admin's spelling is shown as given; the keys still come from the normalised name
        EntityNameKey key = new EntityNameKey(name.strip(), derived.key(), derived.translitKey(), derived.surnameKey(),
                derived.acronymKey(), derived.tokenCount(), derived.acronym());
        entities.rename(entity.id(), key);
        entities.addAliases(entity.id(), List.of(key), "ADMIN_RENAME", true);
        entities.audit(entity.id(), entity.id(), "RENAME", reasonOr(reason, "admin rename"),
                entity.name() + " → " + key.display(), null, null, actor);
        return entity.id();
    }

    @Transactional
    public long block(long id, String actor, String reason) {
        EntityRow entity = current(id);
        entities.block(entity.id());
        profileTables.recount(List.of(entity.id()));
        entities.audit(entity.id(), null, "BLOCK", reasonOr(reason, "false positive"), entity.name(), null, null, actor);
        return entity.id();
    }

    private EntityRow current(long id) {
        EntityRow entity = entities.findCurrent(id).orElseThrow(() -> ProblemException.notFound("no entity " + id));
        if (entity.blocked()) {
            throw new ProblemException(409, "Conflict", "entity " + entity.id() + " is blocked");
        }
        return entity;
    }

    private static String reasonOr(String reason, String fallback) {
        return reason == null || reason.isBlank() ? fallback : reason.strip();
    }
}
