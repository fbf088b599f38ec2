package org.newsdesk.query.resolution;

import java.util.List;

/**
 * What {@link EntityResolver} decided for one per-article entity.
 *
 * @param outcome   join an existing entity, create a new one, or drop the entity (blocked or nameless)
 * @param entityId  the entity to join; null unless {@code outcome} is {@link Outcome#JOIN}
 * @param reason    why it joins; null unless joining
 * @param name      the name to give a new entity, or the fuller name to adopt when {@code adoptName}
 * @param aliases   the name forms of this article to record as aliases of the (joined or new) entity,
 *                  the primary name first; only forms that name the same thing (not "Head of State")
 * @param adoptName the joined entity is only known by a surname and this article has the full name:
 *                  the registry should rename it unless an admin fixed its name
 * @param evidence  a short human-readable account of the match, kept in the audit trail
 */
public record Resolution(Outcome outcome, Long entityId, MatchReason reason, EntityNameKey name,
                         List<EntityNameKey> aliases, boolean adoptName, String evidence) {

    public enum Outcome { JOIN, CREATE, DROP }

    public Resolution {
        aliases = List.copyOf(aliases);
    }

    static Resolution join(long entityId, MatchReason reason, EntityNameKey name, List<EntityNameKey> aliases,
                           boolean adoptName, String evidence) {
        return new Resolution(Outcome.JOIN, entityId, reason, name, aliases, adoptName, evidence);
    }

    static Resolution create(EntityNameKey name, List<EntityNameKey> aliases, String evidence) {
        return new Resolution(Outcome.CREATE, null, null, name, aliases, false, evidence);
    }

    static Resolution drop(EntityNameKey name, String evidence) {
        return new Resolution(Outcome.DROP, null, null, name, List.of(), false, evidence);
    }
}
