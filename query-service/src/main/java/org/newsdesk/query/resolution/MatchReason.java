package org.newsdesk.query.resolution;

/** Why a per-article entity joined an existing canonical entity; stored with every alias and merge. */
public enum MatchReason {
    /** Same normalised name (case, accents, titles, possessive, hyphens ignored) and type. */
    SAME_NAME,
    /** Same name once romanisation variants are folded (Jomart / Zhomart, Tokayev / Tokaev). */
    TRANSLITERATION,
    /** A surname alone, or a full name meeting a surname alone, with exactly one person it can be. */
    SURNAME_UNIQUE,
    /** An acronym and the one full name whose initials it spells (CSTO ↔ Collective Security Treaty Organisation). */
    ACRONYM,
    /** A name recorded as an alias of the entity, by an earlier article or by an admin (pinned). */
    ALIAS
}
