package org.newsdesk.query.resolution;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.newsdesk.contracts.Annotation.EntityType;

/**
 * The comparable forms of one entity name, computed once and stored next to the name so that the
 * registry can look candidates up by exact key, transliteration key, surname and acronym.
 * <p>
 * {@code display} is the name as a reader should see it, with titles and a possessive removed
 * ("Kazakhstan's President Kassym-Jomart Tokayev's" → "Kassym-Jomart Tokayev"). {@code key} is that
 * name in NFC, case-folded, diacritics folded, punctuation dropped and hyphens and spaces unified.
 * {@code translitKey} additionally folds the spelling differences that romanisation of one Cyrillic
 * or Kazakh name produces (zh/j, kh/h, y/i, iotated "ye", doubled letters), so that "Kassym-Jomart
 * Tokayev", "Kassym-Zhomart Tokayev", "Kasym-Zhomart Tokaev" and "Токаев" share it.
 * <p>
 * The keys are evidence for a match, never a decision: this class must never decide that two
 * names are the same thing (that is {@link EntityResolver}'s job, which also weighs ambiguity).
 *
 * @param display      the name without titles and possessive, original case and accents kept
 * @param key          the normalised name (empty only when the name has no letters or digits)
 * @param translitKey  the key with romanisation variants folded
 * @param surnameKey   for a person, the last name-token of {@code translitKey}; otherwise null
 * @param acronymKey   for an acronym ("CSTO", "U.S.") the upper-case letters; for a name of two or
 *                     more content words the initials of those words; otherwise null
 * @param tokenCount   number of tokens in {@code key}
 * @param acronym      whether the display name itself is an acronym
 */
public record EntityNameKey(String display, String key, String translitKey, String surnameKey,
                            String acronymKey, int tokenCount, boolean acronym) {

    /** Title words that precede a person's name; matched as whole tokens or phrases, never as the last token. */
    private static final Set<String> TITLE_PHRASES = Set.of(
            "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
            "president", "vice president", "premier", "chancellor", "minister", "prime minister",
            "deputy prime minister", "first minister", "foreign minister", "defence minister", "defense minister",
            "interior minister", "finance minister", "economy minister", "health minister", "justice minister",
            "secretary", "secretary general", "secretary of state", "foreign secretary", "home secretary",
            "senator", "sen", "rep", "representative", "congressman", "congresswoman", "governor", "gov",
            "mayor", "judge", "justice", "king", "queen", "prince", "princess", "crown prince", "emir", "sheikh",
            "sultan", "ayatollah", "supreme leader", "pope", "cardinal", "archbishop", "bishop", "rev", "reverend",
            "imam", "rabbi", "general", "gen", "lieutenant", "lt", "colonel", "col", "major", "maj", "captain",
            "capt", "commander", "admiral", "adm", "sergeant", "sgt", "chairman", "chairwoman", "chairperson",
            "chief executive", "ceo", "ambassador", "spokesman", "spokeswoman", "spokesperson", "press secretary",
            "head of state", "head of the state", "head of government", "leader", "opposition leader",
            "deputy", "acting", "former", "late", "interim", "first lady", "mister", "madame", "madam",
            "monsieur", "herr", "frau", "the",
            // the commonest in Russian-language copy; keys keep Cyrillic, so these are compared as written
            "президент", "премьер министр", "министр", "господин", "глава государства");

    /** Offices after which a leading nationality word may be dropped too ("Kazakh President ..."). */
    private static final Set<String> OFFICES = Set.of(
            "president", "vice president", "prime minister", "deputy prime minister", "premier", "chancellor",
            "minister", "foreign minister", "defence minister", "defense minister", "interior minister",
            "finance minister", "king", "queen", "leader", "opposition leader", "ambassador", "counterpart",
            "senator", "governor", "mayor", "general", "envoy");

    private static final Set<String> NAME_SUFFIXES = Set.of("jr", "sr", "ii", "iii", "iv");

    private static final Pattern DASHES = Pattern.compile("[\\p{Pd}\\u00AD]+");
    private static final Pattern DROPPED = Pattern.compile("[.'\u2019\u2018\u02BC`\u00B4]");
    private static final Pattern OTHER_PUNCT = Pattern.compile("[\\p{P}\\p{S}\\p{Z}\\s]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern PARENTHESIS = Pattern.compile("\\s*\\([^)]*\\)\\s*$");
    private static final Pattern DOUBLED = Pattern.compile("(\\p{L})\\1+");

    private static final Map<Character, String> LETTERS_WITHOUT_DECOMPOSITION = Map.of(
            'ø', "o", 'æ', "ae", 'œ', "oe", 'ł', "l", 'đ', "dj", 'ð', "d", 'þ', "th", 'ı', "i", 'ħ', "h");

    /** Russian, Kazakh and Ukrainian Cyrillic after diacritics are folded (й → и, ё → е already). */
    private static final Map<Character, String> CYRILLIC = cyrillic();

    /** Romanisation variants, applied in order after Cyrillic is romanised. */
    private static final List<Rewrite> TRANSLITERATION_FOLDS = List.of(
            new Rewrite("isation", "ization"),
            new Rewrite("shch", "sh"),
            new Rewrite("dzh", "j"),
            new Rewrite("zh", "j"),
            new Rewrite("dj", "j"),
            new Rewrite("kh", "h"),
            new Rewrite("tch", "ch"),
            new Rewrite("ph", "f"),
            new Rewrite("x", "ks"),
            new Rewrite("w", "v"),
            new Rewrite("ou", "u"),
            // iotated e after a vowel or at the start of a word: Tokayev / Tokaev, Yevgeny / Evgeny
            new Rewrite("(?<=[aeiouy])ye|(?<![\\p{L}])ye", "e"),
            new Rewrite("y", "i"));

    private record Rewrite(Pattern pattern, String replacement) {
        Rewrite(String regex, String replacement) {
            this(Pattern.compile(regex), replacement);
        }

        String apply(String s) {
            return pattern.matcher(s).replaceAll(replacement);
        }
    }

    /** Computes every key of {@code name} as a name of an entity of {@code type}. */
    public static EntityNameKey of(String name, EntityType type) {
        String nfc = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFC).strip();
        String withoutParenthesis = PARENTHESIS.matcher(nfc).replaceFirst("");
        if (!withoutParenthesis.isBlank()) {
            nfc = withoutParenthesis;
        }
        String display = stripPossessive(nfc);
        if (type == EntityType.PERSON) {
            display = stripTitles(display);
        }
        display = display.replaceAll("\\s+", " ").strip();
        String key = normalise(display);
        String withoutArticle = display.replaceFirst("^(?i)the\\s+", "");
        boolean acronym = type != EntityType.PERSON && AcronymMatcher.isAcronym(withoutArticle);
        List<String> tokens = tokens(key);
        if (type == EntityType.PERSON) {
            tokens = withoutSuffixes(tokens);
        } else if (tokens.size() > 1 && tokens.get(0).equals("the")) {
            // "the CSTO", "the Security Council": the article is grammar, not name; the display keeps it
            tokens = tokens.subList(1, tokens.size());
        }
        key = String.join(" ", tokens);
        String translit = transliterationKey(key);
        String surname = null;
        if (type == EntityType.PERSON && !translit.isEmpty()) {
            List<String> translitTokens = tokens(translit);
            surname = translitTokens.get(translitTokens.size() - 1);
        }
        String acronymKey = acronym ? AcronymMatcher.acronymKey(withoutArticle)
                : type == EntityType.PERSON ? null : AcronymMatcher.initials(withoutArticle);
        return new EntityNameKey(display, key, translit, surname, acronymKey, tokens.size(), acronym);
    }

    /** The normalised form of any text: NFC, diacritics folded, case-folded, punctuation dropped, dashes as spaces. */
    public static String normalise(String text) {
        String s = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC);
        s = foldDiacritics(s);
        // upper then lower case folds ß → ss and final sigma, which toLowerCase alone does not
        s = s.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        s = DROPPED.matcher(s).replaceAll("");
        s = DASHES.matcher(s).replaceAll(" ");
        s = OTHER_PUNCT.matcher(s).replaceAll(" ");
        return s.strip();
    }

    /** The transliteration-folded form of a {@link #normalise normalised} text. */
    public static String transliterationKey(String normalised) {
        StringBuilder latin = new StringBuilder(normalised.length() + 8);
        for (int i = 0; i < normalised.length(); i++) {
            char c = normalised.charAt(i);
            String romanised = CYRILLIC.get(c);
            latin.append(romanised != null ? romanised : String.valueOf(c));
        }
        String s = latin.toString();
        for (Rewrite rewrite : TRANSLITERATION_FOLDS) {
            s = rewrite.apply(s);
        }
        return DOUBLED.matcher(s).replaceAll("$1");
    }

    static List<String> tokens(String key) {
        return key.isEmpty() ? List.of() : Arrays.asList(key.split(" "));
    }

    private static String foldDiacritics(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char lower = Character.toLowerCase(c);
            String replacement = LETTERS_WITHOUT_DECOMPOSITION.get(lower);
            if (replacement == null) {
                out.append(c);
            } else {
                out.append(Character.isUpperCase(c) ? replacement.toUpperCase(Locale.ROOT) : replacement);
            }
        }
        String decomposed = Normalizer.normalize(out, Normalizer.Form.NFD);
        return Normalizer.normalize(MARKS.matcher(decomposed).replaceAll(""), Normalizer.Form.NFC);
    }

    private static String stripPossessive(String name) {
        if (name.endsWith("'s") || name.endsWith("\u2019s")) {
            return name.substring(0, name.length() - 2);
        }
        if (name.endsWith("s'") || name.endsWith("s\u2019")) {
            return name.substring(0, name.length() - 1);
        }
        return name;
    }

    /**
     * Drops leading title words and phrases, and one leading nationality word before an office
     * ("Kazakh President"), always keeping at least one token so that a bare "King" stays a name.
     */
    private static String stripTitles(String display) {
        List<String> words = new ArrayList<>(Arrays.asList(display.split("\\s+")));
        List<String> keys = new ArrayList<>(words.size());
        for (String word : words) {
            keys.add(normalise(stripPossessive(word)));
        }
        int start = 0;
        if (words.size() > 2 && !TITLE_PHRASES.contains(keys.get(0))) {
            int office = longestPhrase(keys, 1, words.size() - 1, OFFICES);
            if (office > 0) {
                start = 1 + office;
            }
        }
        int matched;
        while ((matched = longestPhrase(keys, start, words.size() - 1, TITLE_PHRASES)) > 0) {
            start += matched;
        }
        return String.join(" ", words.subList(start, words.size()));
    }

    /** Length in words of the longest phrase of {@code phrases} starting at {@code from} and ending before {@code limit}. */
    private static int longestPhrase(List<String> keys, int from, int limit, Set<String> phrases) {
        int best = 0;
        StringBuilder phrase = new StringBuilder();
        for (int end = from; end < limit && end < from + 5; end++) {
            if (end > from) {
                phrase.append(' ');
            }
            phrase.append(keys.get(end));
            if (phrases.contains(phrase.toString())) {
                best = end - from + 1;
            }
        }
        return best;
    }

    private static List<String> withoutSuffixes(List<String> tokens) {
        int end = tokens.size();
        while (end > 1 && NAME_SUFFIXES.contains(tokens.get(end - 1))) {
            end--;
        }
        return tokens.subList(0, end);
    }

    private static Map<Character, String> cyrillic() {
        String[][] pairs = {
                {"а", "a"}, {"б", "b"}, {"в", "v"}, {"г", "g"}, {"д", "d"}, {"е", "e"}, {"ж", "zh"}, {"з", "z"},
                {"и", "i"}, {"к", "k"}, {"л", "l"}, {"м", "m"}, {"н", "n"}, {"о", "o"}, {"п", "p"}, {"р", "r"},
                {"с", "s"}, {"т", "t"}, {"у", "u"}, {"ф", "f"}, {"х", "kh"}, {"ц", "ts"}, {"ч", "ch"}, {"ш", "sh"},
                {"щ", "shch"}, {"ъ", ""}, {"ы", "y"}, {"ь", ""}, {"э", "e"}, {"ю", "yu"}, {"я", "ya"},
                {"ә", "a"}, {"ғ", "g"}, {"қ", "k"}, {"ң", "n"}, {"ө", "o"}, {"ұ", "u"}, {"ү", "u"}, {"һ", "h"},
                {"і", "i"}, {"є", "ye"}, {"ґ", "g"}};
        java.util.HashMap<Character, String> map = new java.util.HashMap<>();
        for (String[] pair : pairs) {
            map.put(pair[0].charAt(0), pair[1]);
        }
        return Map.copyOf(map);
    }
}
