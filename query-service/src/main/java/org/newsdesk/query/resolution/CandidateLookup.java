package org.newsdesk.query.resolution;

import java.util.List;

import org.newsdesk.contracts.Annotation.EntityType;

/**
 * The registry's side of entity resolution: finds aliases of existing canonical entities by one of the
 * keys of {@link EntityNameKey}. The repository implements it with indexed SQL; every method returns
 * aliases of entities of the given type only, except {@link #isBlockedName}, which holds for any type.
 */
public interface CandidateLookup {

    /** Whether a blocked entity has an alias with this normalised key, whatever its type. */
    boolean isBlockedName(String key);

    /** Aliases that an admin pinned, with this normalised key. */
    List<Candidate> pinned(String key, EntityType type);

    /** Aliases with this normalised key. */
    List<Candidate> byKey(String key, EntityType type);

    /** Aliases with this transliteration key. */
    List<Candidate> byTranslitKey(String translitKey, EntityType type);

    /** Person aliases whose surname key (last token of the transliteration key) is this one. */
    List<Candidate> bySurname(String surnameKey, EntityType type);

    /** Aliases whose acronym key (an acronym's letters, or a full name's initials) is this one. */
    List<Candidate> byAcronym(String acronymKey, EntityType type);
}
