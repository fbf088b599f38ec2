package org.newsdesk.query.resolution;

/**
 * One alias of an existing canonical entity that a {@link CandidateLookup} found for a key. The
 * canonical name of every entity is also one of its aliases, so a lookup searches aliases only.
 *
 * @param entityId   the canonical entity
 * @param entityKey  the keys of the entity's canonical name
 * @param alias      the keys of the alias that matched
 * @param pinned     an admin fixed this alias to this entity (split, merge, rename): it must stay
 * @param blocked    the entity is blocked as a false positive: nothing may join or recreate it
 */
public record Candidate(long entityId, EntityNameKey entityKey, EntityNameKey alias, boolean pinned, boolean blocked) {

    /** Whether the alias is the entity's canonical name itself rather than a variant seen somewhere. */
    public boolean isCanonicalName() {
        return alias.key().equals(entityKey.key());
    }
}
