package org.newsdesk.nlp.annotation;

import java.util.Set;

/**
 * The closed English word classes that quote finding and speaker attribution rely on: verbs that report speech,
 * verbs that characterise someone's words in a scare quote, and personal pronouns. Closed classes are word lists by
 * nature; nothing here stands in for a statistical component. Words that are more often nouns ("states", "notes",
 * "claims", "reports") are left out on purpose.
 */
final class SpeechCues {

    private SpeechCues() {
    }

    private static final Set<String> SPEECH_VERBS = Set.of(
            "said", "says", "say", "told", "tells", "added", "adds", "noted", "stated", "wrote", "writes",
            "concluded", "concludes", "urged", "urges", "warned", "warns", "stressed", "stresses", "explained",
            "explains", "declared", "declares", "announced", "announces", "insisted", "insists", "argued", "argues",
            "claimed", "asserted", "remarked", "replied", "responded", "continued", "emphasised", "emphasized",
            "emphasises", "emphasizes", "tweeted", "commented", "recalled", "admitted", "acknowledged", "confirmed",
            "suggested", "asked", "reported", "informed", "predicted", "promised", "vowed", "pledged", "maintained",
            "observed", "revealed", "cautioned", "conceded", "boasted", "joked", "quipped", "shouted", "alleged",
            "proclaimed", "reiterated", "underlined", "underscored", "assured", "demanded", "complained",
            "recounted", "testified", "posted", "telling", "saying", "adding", "noting", "warning", "stressing");

    /** Verbs that put a short phrase in someone's mouth: X called it 'absolutely appropriate'. */
    private static final Set<String> CHARACTERISING_VERBS = Set.of(
            "called", "calls", "described", "describes", "dubbed", "labelled", "labeled", "branded", "termed",
            "voiced", "expressed", "hailed", "denounced", "condemned", "praised");

    /** Verbs that take "X as saying": "cited President Tokayev as saying". */
    private static final Set<String> CITING_VERBS = Set.of("cited", "quoted", "quotes", "cites");

    private static final Set<String> PRONOUNS = Set.of(
            "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself", "they", "them",
            "their", "theirs", "themselves", "i", "me", "my", "mine", "myself", "we", "us", "our", "ours",
            "ourselves", "you", "your", "yours", "yourself", "who", "whom", "whose", "one", "someone", "somebody");

    /** Words that may stand between a speaker and the verb: "X has repeatedly warned", "X, also warned". */
    private static final Set<String> SPEAKER_VERB_FILLERS = Set.of(
            "also", "further", "later", "then", "again", "once", "recently", "previously", "earlier", "still",
            "has", "had", "have", "would", "will", "reportedly", "allegedly", "subsequently", "too", "already",
            "ever", "never", "not");

    static boolean isSpeechVerb(String lower) {
        return SPEECH_VERBS.contains(lower);
    }

    static boolean isCharacterisingVerb(String lower) {
        return CHARACTERISING_VERBS.contains(lower);
    }

    static boolean isCitingVerb(String lower) {
        return CITING_VERBS.contains(lower);
    }

    /** A pronoun of any person or case; "US" and "IT" in capitals are names, not pronouns. */
    static boolean isPronoun(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (!PRONOUNS.contains(lower)) {
            return false;
        }
        return text.length() == 1 || !text.equals(text.toUpperCase(java.util.Locale.ROOT));
    }

    /** "he" → 'M', "she" → 'F', anything else → 0 (not a singular personal subject pronoun). */
    static char subjectPronounGender(String lower) {
        return switch (lower) {
            case "he" -> 'M';
            case "she" -> 'F';
            default -> 0;
        };
    }

    static boolean isSpeakerVerbFiller(String lower) {
        return SPEAKER_VERB_FILLERS.contains(lower) || (lower.length() > 4 && lower.endsWith("ly"));
    }
}
