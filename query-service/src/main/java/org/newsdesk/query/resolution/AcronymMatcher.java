package org.newsdesk.query.resolution;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells whether a name is an acronym and whether an acronym abbreviates a full name: "CSTO" ↔
 * "Collective Security Treaty Organisation" (initials of the content words, "of", "the", "and" give
 * no letter), "U.S." = "US".
 * <p>
 * It compares letters only; it must never decide a merge on its own, because many full names share
 * initials ("SA" is South Africa and Saudi Arabia): the resolver joins on an acronym only when exactly
 * one entity fits.
 */
public final class AcronymMatcher {

    /** Two to six capitals, optionally each followed by a dot: "EU", "CSTO", "U.S.", "U.K". */
    private static final Pattern ACRONYM_SHAPE = Pattern.compile("(?:\\p{Lu}\\.?){2,6}");

    /** Words that give no letter to an acronym. */
    private static final Set<String> STOPWORDS = Set.of(
            "of", "the", "and", "for", "in", "on", "at", "to", "a", "an", "de", "des", "du", "la", "le", "les",
            "del", "der", "die", "das", "und", "y", "et");

    private AcronymMatcher() {
    }

    /** Whether the (display) name is written as an acronym. */
    public static boolean isAcronym(String name) {
        return name != null && ACRONYM_SHAPE.matcher(name.strip()).matches();
    }

    /** The letters of an acronym without dots, upper case: "U.S." → "US". */
    public static String acronymKey(String acronym) {
        return acronym.strip().replace(".", "").toUpperCase(Locale.ROOT);
    }

    /**
     * The upper-case initials of the content words of a name, each whitespace-separated word giving
     * one letter ("Co-operation" → C, as in OECD), or null for fewer than two content words.
     */
    public static String initials(String name) {
        StringBuilder initials = new StringBuilder();
        int words = 0;
        for (String word : name.strip().split("\\s+")) {
            String normalised = EntityNameKey.normalise(word);
            if (normalised.isEmpty() || STOPWORDS.contains(normalised)
                    || !Character.isLetter(normalised.codePointAt(0))) {
                continue;
            }
            initials.appendCodePoint(normalised.codePointAt(0));
            words++;
        }
        return words < 2 ? null : initials.toString().toUpperCase(Locale.ROOT);
    }

    /** The initials with every part of a hyphenated word giving a letter ("Anti-Terrorism Centre" → ATC). */
    static String initialsOfParts(String name) {
        return initials(EntityNameKey.normalise(name));
    }

    /** Whether {@code acronym} abbreviates {@code fullName}. */
    public static boolean abbreviates(String acronym, String fullName) {
        if (!isAcronym(acronym) || isAcronym(fullName)) {
            return false;
        }
        String letters = acronymKey(acronym);
        return letters.equals(initials(fullName)) || letters.equals(initialsOfParts(fullName));
    }

    /** Whether one of two names abbreviates the other. */
    public static boolean matches(String a, String b) {
        return abbreviates(a, b) || abbreviates(b, a);
    }
}
