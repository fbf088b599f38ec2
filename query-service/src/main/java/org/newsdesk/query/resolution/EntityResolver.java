package org.newsdesk.query.resolution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.newsdesk.contracts.Annotation.EntityType;

/**
 * Decides whether an entity found in one article is an entity the registry already knows, and why.
 * <p>
 * Evidence is weighed from strongest to weakest: an alias an admin pinned, the same normalised name,
 * the same transliteration key, a surname that fits exactly one person, an acronym that fits exactly
 * one full name. Whenever the evidence fits two or more entities the answer is a new entity: a
 * duplicate can be merged later by an admin, a wrong merge mixes two people's quotes. Names of blocked
 * entities are dropped, whatever their type. This class never writes: it only reads through
 * {@link CandidateLookup} and returns a {@link Resolution} that the registry carries out.
 */
public final class EntityResolver {

    private final CandidateLookup lookup;

    public EntityResolver(CandidateLookup lookup) {
        this.lookup = lookup;
    }

    /** Resolves one per-article entity against the registry. */
    public Resolution resolve(IncomingEntity incoming) {
        EntityType type = incoming.type();
        EntityNameKey name = EntityNameKey.of(incoming.name(), type);
        List<EntityNameKey> forms = sameThingForms(name, incoming);
        EntityNameKey primary = primaryForm(name, forms);
        if (primary.key().codePoints().noneMatch(Character::isLetter)) {
            return Resolution.drop(primary, "no letters in '" + incoming.name() + "'");
        }
        for (EntityNameKey form : List.of(name, primary)) {
            if (lookup.isBlockedName(form.key())) {
                return Resolution.drop(primary, "'" + form.display() + "' is a blocked name");
            }
        }
        List<EntityNameKey> aliases = aliasesFirst(primary, forms);

        // Curation first: a pinned alias decides, so that a split survives re-annotation.
        for (EntityNameKey form : aliases) {
            Set<Long> pinnedTo = entityIds(lookup.pinned(form.key(), type), c -> true);
            if (pinnedTo.size() == 1) {
                return Resolution.join(pinnedTo.iterator().next(), MatchReason.ALIAS, primary, aliases, false,
                        "'" + form.display() + "' is pinned to this entity");
            }
        }

        Match match = match(primary, type);
        if (match == null && primary != name) {
            match = match(name, type);
        }
        if (match == null) {
            // The primary name fits no one or several; another full form in the same article may still decide.
            for (EntityNameKey form : aliases) {
                if (form != primary && (form.tokenCount() >= 2 || form.acronym())) {
                    Match byForm = exactOrTransliterated(form, type);
                    if (byForm != null && byForm != Match.AMBIGUOUS) {
                        match = new Match(byForm.entityId, MatchReason.ALIAS, false, byForm.blocked,
                                "mention '" + form.display() + "': " + byForm.evidence);
                        break;
                    }
                }
            }
        }
        if (match == null || match == Match.AMBIGUOUS) {
            return Resolution.create(primary, aliases,
                    match == null ? "no entity with this name" : "ambiguous: fits more than one entity");
        }
        if (match.blocked) {
            return Resolution.drop(primary, "matches a blocked entity: " + match.evidence);
        }
        return Resolution.join(match.entityId, match.reason, primary, aliases, match.adoptName, match.evidence);
    }

    /** The single entity the name fits, {@link Match#AMBIGUOUS}, or null when it fits none. */
    private Match match(EntityNameKey name, EntityType type) {
        Match exact = exactOrTransliterated(name, type);
        if (exact != null) {
            return exact;
        }
        if (type == EntityType.PERSON && name.surnameKey() != null) {
            return bySurname(name, type);
        }
        if (type != EntityType.PERSON && name.acronymKey() != null) {
            return byAcronym(name, type);
        }
        return null;
    }

    private Match exactOrTransliterated(EntityNameKey name, EntityType type) {
        Match exact = unique(lookup.byKey(name.key(), type), MatchReason.SAME_NAME,
                "same name '" + name.key() + "'");
        if (exact != null) {
            return exact;
        }
        if (name.translitKey().isEmpty()) {
            return null;
        }
        return unique(lookup.byTranslitKey(name.translitKey(), type), MatchReason.TRANSLITERATION,
                "same transliteration '" + name.translitKey() + "'");
    }

    /**
     * The one entity among candidates that share a key: a canonical-name match beats an alias match
     * (an entity created for an ambiguous surname collects later bare uses of it).
     */
    private static Match unique(List<Candidate> candidates, MatchReason reason, String evidence) {
        if (candidates.isEmpty()) {
            return null;
        }
        Set<Long> canonical = entityIds(candidates, Candidate::isCanonicalName);
        if (canonical.size() == 1) {
            return Match.of(canonical.iterator().next(), candidates, reason, evidence);
        }
        if (canonical.size() > 1) {
            return Match.AMBIGUOUS;
        }
        Set<Long> all = entityIds(candidates, c -> true);
        if (all.size() == 1) {
            return Match.of(all.iterator().next(), candidates,
                    reason == MatchReason.SAME_NAME ? MatchReason.ALIAS : reason, evidence + " (alias)");
        }
        return Match.AMBIGUOUS;
    }

    /**
     * A surname alone joins the one person with a full name ending in it. A full name joins a person
     * known only by that surname, unless someone with another full name has the surname as well; a
     * full name with initials or fewer given names ("K. Tokayev") joins the one compatible full name.
     */
    private Match bySurname(EntityNameKey name, EntityType type) {
        List<Candidate> candidates = lookup.bySurname(name.surnameKey(), type);
        if (name.tokenCount() == 1) {
            Set<Long> fullNames = entityIds(candidates, c -> c.alias().tokenCount() >= 2);
            if (fullNames.size() == 1) {
                return Match.of(fullNames.iterator().next(), candidates, MatchReason.SURNAME_UNIQUE,
                        "surname '" + name.surnameKey() + "' of exactly one full name");
            }
            return fullNames.isEmpty() ? null : Match.AMBIGUOUS;
        }
        Set<Long> otherFullNames = entityIds(candidates, c -> c.alias().tokenCount() >= 2);
        Set<Long> compatible = entityIds(candidates,
                c -> c.alias().tokenCount() >= 2 && givenNamesCompatible(name, c.alias()));
        if (compatible.size() == 1) {
            return Match.of(compatible.iterator().next(), candidates, MatchReason.SURNAME_UNIQUE,
                    "given names of '" + name.display() + "' fit exactly one full name");
        }
        if (!compatible.isEmpty()) {
            return Match.AMBIGUOUS;
        }
        if (!otherFullNames.isEmpty()) {
            return null;
        }
        Set<Long> surnameOnly = entityIds(candidates, c -> c.entityKey().tokenCount() == 1);
        if (surnameOnly.size() == 1) {
            Match match = Match.of(surnameOnly.iterator().next(), candidates, MatchReason.SURNAME_UNIQUE,
                    "the only person known by surname '" + name.surnameKey() + "'");
            return new Match(match.entityId, match.reason, true, match.blocked, match.evidence);
        }
        return surnameOnly.isEmpty() ? null : Match.AMBIGUOUS;
    }

    /**
     * Given names are compatible when each given token of the shorter name is, in order, a given
     * token of the longer one or its initial ("K. Tokayev", "Kassym Tokayev" ~ "Kassym-Jomart Tokayev"),
     * and no initial of the longer one is skipped: a middle initial tells people apart
     * ("George W. Bush" is not "George H. W. Bush").
     */
    static boolean givenNamesCompatible(EntityNameKey a, EntityNameKey b) {
        List<String> ta = EntityNameKey.tokens(a.translitKey());
        List<String> tb = EntityNameKey.tokens(b.translitKey());
        List<String> givenA = ta.subList(0, ta.size() - 1);
        List<String> givenB = tb.subList(0, tb.size() - 1);
        List<String> shorter = givenA.size() <= givenB.size() ? givenA : givenB;
        List<String> longer = shorter == givenA ? givenB : givenA;
        int j = 0;
        for (String token : shorter) {
            while (j < longer.size() && !sameGivenName(token, longer.get(j))) {
                if (longer.get(j).length() == 1) {
                    return false;
                }
                j++;
            }
            if (j == longer.size()) {
                return false;
            }
            j++;
        }
        for (; j < longer.size(); j++) {
            if (longer.get(j).length() == 1) {
                return false;
            }
        }
        return !shorter.isEmpty();
    }

    private static boolean sameGivenName(String a, String b) {
        if (a.length() == 1 || b.length() == 1) {
            return a.charAt(0) == b.charAt(0);
        }
        return a.equals(b);
    }

    /**
     * An acronym joins the one entity with a full name of those initials; a full name joins the one
     * entity written as that acronym, unless the acronym already stands for a different full name.
     */
    private Match byAcronym(EntityNameKey name, EntityType type) {
        List<Candidate> candidates = lookup.byAcronym(name.acronymKey(), type);
        if (name.acronym()) {
            Set<Long> expansions = entityIds(candidates, c -> !c.alias().acronym());
            if (expansions.size() == 1) {
                return Match.of(expansions.iterator().next(), candidates, MatchReason.ACRONYM,
                        "'" + name.display() + "' spells the initials of exactly one full name");
            }
            return expansions.isEmpty() ? null : Match.AMBIGUOUS;
        }
        Set<Long> otherExpansion = entityIds(candidates,
                c -> !c.alias().acronym() && !c.alias().translitKey().equals(name.translitKey()));
        Set<Long> acronyms = entityIds(candidates, c -> c.alias().acronym() && !otherExpansion.contains(c.entityId()));
        if (acronyms.size() == 1) {
            return Match.of(acronyms.iterator().next(), candidates, MatchReason.ACRONYM,
                    "'" + name.acronymKey() + "' abbreviates '" + name.display() + "'");
        }
        return acronyms.isEmpty() ? null : Match.AMBIGUOUS;
    }

    /**
     * The name forms of the article that name the same thing as its canonical name: the name itself,
     * spelling variants, for a person forms with the same surname ("President Tokayev"), for others the
     * acronym or its expansion. Role descriptions ("Head of the State") are left out: recorded as
     * aliases they would pull other heads of state into this entity.
     */
    private static List<EntityNameKey> sameThingForms(EntityNameKey name, IncomingEntity incoming) {
        Map<String, EntityNameKey> forms = new LinkedHashMap<>();
        forms.put(name.key(), name);
        for (String text : incoming.mentionTexts()) {
            EntityNameKey form = EntityNameKey.of(text, incoming.type());
            if (form.key().isEmpty() || forms.containsKey(form.key())) {
                continue;
            }
            if (namesSameThing(name, form, incoming.type())) {
                forms.put(form.key(), form);
            }
        }
        return new ArrayList<>(forms.values());
    }

    private static boolean namesSameThing(EntityNameKey name, EntityNameKey form, EntityType type) {
        if (form.translitKey().equals(name.translitKey())) {
            return true;
        }
        if (type == EntityType.PERSON) {
            return form.surnameKey() != null && form.surnameKey().equals(name.surnameKey())
                    && (form.tokenCount() == 1 || name.tokenCount() == 1 || givenNamesCompatible(form, name));
        }
        return AcronymMatcher.matches(form.display(), name.display());
    }

    /** A person named by surname only in the annotation but in full in a mention is matched by the full name. */
    private static EntityNameKey primaryForm(EntityNameKey name, List<EntityNameKey> forms) {
        EntityNameKey primary = name;
        for (EntityNameKey form : forms) {
            if (form.surnameKey() != null && form.tokenCount() > primary.tokenCount()) {
                primary = form;
            }
        }
        return primary;
    }

    private static List<EntityNameKey> aliasesFirst(EntityNameKey primary, List<EntityNameKey> forms) {
        List<EntityNameKey> aliases = new ArrayList<>(forms.size());
        aliases.add(primary);
        for (EntityNameKey form : forms) {
            if (form != primary) {
                aliases.add(form);
            }
        }
        return aliases;
    }

    private static Set<Long> entityIds(List<Candidate> candidates, Predicate<Candidate> filter) {
        Set<Long> ids = new LinkedHashSet<>();
        for (Candidate candidate : candidates) {
            if (filter.test(candidate)) {
                ids.add(candidate.entityId());
            }
        }
        return ids;
    }

    private record Match(long entityId, MatchReason reason, boolean adoptName, boolean blocked, String evidence) {

        static final Match AMBIGUOUS = new Match(-1, null, false, false, "ambiguous");

        static Match of(long entityId, List<Candidate> candidates, MatchReason reason, String evidence) {
            boolean blocked = candidates.stream().anyMatch(c -> c.entityId() == entityId && c.blocked());
            return new Match(entityId, reason, false, blocked, evidence);
        }
    }
}
