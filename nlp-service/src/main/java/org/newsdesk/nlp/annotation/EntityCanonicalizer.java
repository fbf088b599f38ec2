package org.newsdesk.nlp.annotation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.newsdesk.contracts.Annotation;
import org.newsdesk.contracts.Annotation.EntityType;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreEntityMention;

/**
 * Turns CoreNLP's NER mentions into the article's canonical entities: one entity per person, organisation, place or
 * other name, whatever form the article uses ("Kassym-Jomart Tokayev", "President Tokayev", "Tokayev"; "CSTO" and
 * "Collective Security Treaty Organisation"), named by its longest full form.
 * <p>
 * Within one article only: titles, honorifics, possessives and stray heading words are stripped from mentions, a
 * surname joins the full name it belongs to, an acronym joins its expansion, and pronouns, pure titles ("Head of
 * State"), capitalised common words ("Law" at the start of a sentence), photo credits and names seen only in a
 * title-cased headline are dropped. Thread-safe. It must never merge across articles (that needs an alias table
 * and transliteration folding) and never invent a mention the NER did not find.
 */
public final class EntityCanonicalizer {

    /** Honorifics and titles stripped from the front of a person's name; "of"/"the" only between them. */
    private static final Set<String> PERSON_TITLES = Set.of(
            "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "mx", "dr", "dr.", "prof", "prof.", "professor", "sir",
            "dame", "lord", "lady", "president", "vice", "prime", "minister", "premier", "chancellor", "secretary",
            "general", "gen", "gen.", "col", "col.", "colonel", "capt", "capt.", "captain", "lt", "lt.", "sgt",
            "sgt.", "adm", "adm.", "admiral", "sen", "sen.", "senator", "rep", "rep.", "gov", "gov.", "governor",
            "mayor", "judge", "justice", "king", "queen", "prince", "princess", "pope", "sheikh", "emir", "sultan",
            "ayatollah", "rev", "rev.", "reverend", "bishop", "archbishop", "cardinal", "rabbi", "imam", "ambassador",
            "deputy", "chairman", "chairwoman", "chair", "head", "state", "foreign", "defence", "defense",
            "interior", "acting", "former", "autocrat", "mp", "coach", "of", "the");

    /** Words that make a mention a bare title when it consists of nothing else ("Head of State", "President"). */
    private static final Set<String> BARE_TITLE_WORDS = PERSON_TITLES;

    private static final Set<String> MONTHS_AND_DAYS = Set.of(
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.",
            "nov.", "dec.", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");

    /** Capitalised common words the NER tags as names in news copy and which no lower-case use exposes. */
    private static final Set<String> COMMON_CAPITALISED = Set.of(
            "internet", "web", "open", "photo", "description", "restrictions", "show", "top", "pool", "emergencies",
            "government", "parliament", "republic", "state", "law", "president", "police", "army", "council",
            "ministry", "court", "city", "capital", "north", "south", "east", "west", "today", "yesterday", "email",
            "online", "news", "video");

    /** Words near an all-caps credit ("Photo: REUTERS", "AFP/Getty Images") that mark the line as a credit. */
    private static final String[] CREDIT_WORDS = {"photo", "credit", "©", "getty", "image", "picture", "pic:",
            "courtesy", "file:", "reuters/", "afp/", "ap/"};

    /** Prefixes under which a country is named formally; "Republic of Kazakhstan" is Kazakhstan. */
    private static final String[] FORMAL_PLACE_PREFIXES = {"republic of ", "kingdom of ", "the republic of ",
            "the kingdom of "};

    /** Regions the KBP city list wrongly holds as cities ("Asia" is a city there). */
    private static final Set<String> REGIONS = Set.of(
            "asia", "europe", "africa", "america", "americas", "north america", "south america", "latin america",
            "central america", "oceania", "antarctica", "middle east", "central asia", "east asia", "south asia",
            "southeast asia", "west africa", "east africa", "north africa", "eastern europe", "western europe",
            "scandinavia", "balkans", "caucasus", "caribbean", "arctic", "gulf");

    private final KbpGazetteer gazetteer;

    public EntityCanonicalizer(KbpGazetteer gazetteer) {
        this.gazetteer = Objects.requireNonNull(gazetteer, "gazetteer");
    }

    /** The canonical entities of one processed article, ids "e1", "e2"… in order of first mention. */
    public List<Annotation.Entity> canonicalize(CoreDocument doc) {
        String text = doc.text();
        Set<String> lowerCaseWords = lowerCaseWords(doc);
        LineShapes lines = new LineShapes(text);
        List<Raw> raws = new ArrayList<>();
        for (CoreEntityMention m : doc.entityMentions()) {
            Raw raw = clean(text, m, lowerCaseWords, lines);
            if (raw != null) {
                raws.add(raw);
            }
        }
        return cluster(text, raws, lines);
    }

    // ---------------------------------------------------------------- one mention

    /** A cleaned mention: where it is, what the NER called it, and the key variants compare on. */
    private record Raw(int start, int end, String text, EntityType type, String key, String[] words,
            boolean headline) {
    }

    private Raw clean(String text, CoreEntityMention m, Set<String> lowerCaseWords, LineShapes lines) {
        EntityType type = typeOf(m.entityType());
        if (type == null) {
            return null;
        }
        List<CoreLabel> tokens = m.tokens();
        // CoreNLP adds pronominal PERSON mentions ("he", "his") whose tokens carry no NER tag.
        if (tokens.isEmpty() || "O".equals(tokens.get(0).ner())) {
            return null;
        }
        int a = 0;
        int b = tokens.size();
        while (a < b && shouldStripFront(tokens, a, b, type)) {
            a++;
        }
        while (b > a && shouldStripBack(tokens.get(b - 1), type)) {
            b--;
        }
        if (a >= b) {
            return null;
        }
        int start = tokens.get(a).beginPosition();
        int end = tokens.get(b - 1).endPosition();
        String surface = text.substring(start, end);
        if (SpeechCues.isPronoun(surface) || isBareTitle(tokens, a, b)) {
            return null;
        }
        boolean allCaps = isAllCaps(surface);
        if (b - a == 1 && !allCaps && isCommonWord(surface, lowerCaseWords)) {
            return null;
        }
        if (allCaps && lines.isCredit(start, end)) {
            return null;
        }
        String key = nameKey(surface);
        return new Raw(start, end, surface, type, key, key.split(" "), lines.isHeadline(start));
    }

    private static EntityType typeOf(String nerType) {
        if (nerType == null) {
            return null;
        }
        return switch (nerType) {
            case "PERSON" -> EntityType.PERSON;
            case "ORGANIZATION" -> EntityType.ORGANIZATION;
            case "LOCATION", "CITY", "COUNTRY", "STATE_OR_PROVINCE" -> EntityType.LOCATION;
            case "MISC", "NATIONALITY", "RELIGION", "IDEOLOGY" -> EntityType.MISC;
            default -> null;
        };
    }

    private static boolean shouldStripFront(List<CoreLabel> tokens, int a, int b, EntityType type) {
        String word = tokens.get(a).originalText();
        if (isPunctuation(word)) {
            return true;
        }
        if (b - a < 2) {
            return false;
        }
        if (Character.isLowerCase(word.charAt(0))) {
            // "statewide Internet": a lower-case word in front is never part of a name.
            return true;
        }
        return type == EntityType.PERSON && PERSON_TITLES.contains(word.toLowerCase(Locale.ROOT));
    }

    private static boolean shouldStripBack(CoreLabel token, EntityType type) {
        String word = token.originalText();
        if (isPunctuation(word) || word.equals("'s") || word.equals("’s") || word.equals("'")
                || word.equals("’")) {
            return true;
        }
        // "By Aybulat Musaev October 26, 2022": the byline's date glued to the name.
        return type == EntityType.PERSON && MONTHS_AND_DAYS.contains(word.toLowerCase(Locale.ROOT));
    }

    private static boolean isBareTitle(List<CoreLabel> tokens, int a, int b) {
        for (int i = a; i < b; i++) {
            String w = tokens.get(i).originalText();
            if (!isPunctuation(w) && !BARE_TITLE_WORDS.contains(w.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    private boolean isCommonWord(String surface, Set<String> lowerCaseWords) {
        String lower = surface.toLowerCase(Locale.ROOT);
        if (COMMON_CAPITALISED.contains(lower)) {
            return true;
        }
        if (!lowerCaseWords.contains(lower)) {
            return false;
        }
        // "China" stays a country even in an article about china plates.
        String place = gazetteer.placeType(surface);
        return place == null || place.equals(KbpGazetteer.CITY);
    }

    /** Every all-lower-case word of the article, to expose capitalised common words ("Law", "State"). */
    private static Set<String> lowerCaseWords(CoreDocument doc) {
        Set<String> words = new HashSet<>();
        for (CoreLabel token : doc.tokens()) {
            String w = token.originalText();
            if (!w.isEmpty() && Character.isLowerCase(w.charAt(0)) && w.chars().allMatch(Character::isLowerCase)) {
                words.add(w);
            }
        }
        return words;
    }

    // ---------------------------------------------------------------- clustering

    private List<Annotation.Entity> cluster(String text, List<Raw> raws, LineShapes lines) {
        // 1. Same name, whatever type the NER gave each occurrence.
        Map<String, Integer> groupOfKey = new LinkedHashMap<>();
        List<Group> groups = new ArrayList<>();
        for (Raw raw : raws) {
            Integer g = groupOfKey.get(raw.key());
            if (g == null) {
                g = groups.size();
                groupOfKey.put(raw.key(), g);
                groups.add(new Group(g));
            }
            groups.get(g).add(raw);
        }
        UnionFind union = new UnionFind(groups.size());
        joinPersonNames(groups, union);
        joinAcronyms(text, groups, groupOfKey, union);
        joinFormalPlaceNames(groups, groupOfKey, union);

        Map<Integer, List<Raw>> clusters = new LinkedHashMap<>();
        for (Group g : groups) {
            clusters.computeIfAbsent(union.find(g.id), k -> new ArrayList<>()).addAll(g.raws);
        }
        List<List<Raw>> kept = new ArrayList<>();
        for (List<Raw> cluster : clusters.values()) {
            // Title-cased headlines confuse the NER ("Kazakh President Calls on People to Be Ready"): a name seen
            // only there must be confirmed by the body.
            if (cluster.stream().anyMatch(r -> !r.headline())) {
                cluster.sort(Comparator.comparingInt(Raw::start));
                kept.add(cluster);
            }
        }
        kept.sort(Comparator.comparingInt(c -> c.get(0).start()));
        List<Annotation.Entity> entities = new ArrayList<>(kept.size());
        for (List<Raw> cluster : kept) {
            entities.add(toEntity("e" + (entities.size() + 1), cluster));
        }
        return entities;
    }

    private Annotation.Entity toEntity(String id, List<Raw> cluster) {
        Map<EntityType, Integer> votes = new HashMap<>();
        Raw longest = cluster.get(0);
        for (Raw r : cluster) {
            votes.merge(r.type(), 1, Integer::sum);
            if (r.text().length() > longest.text().length()) {
                longest = r;
            }
        }
        EntityType type = longest.type();
        int best = votes.get(type);
        for (Map.Entry<EntityType, Integer> v : votes.entrySet()) {
            if (v.getValue() > best) {
                type = v.getKey();
                best = v.getValue();
            }
        }
        String name = normalizeSpaces(longest.text());
        List<Annotation.Mention> mentions = new ArrayList<>(cluster.size());
        for (Raw r : cluster) {
            mentions.add(new Annotation.Mention(r.start(), r.end(), r.text()));
        }
        return new Annotation.Entity(id, name, type, subtype(type, cluster, longest), List.copyOf(mentions));
    }

    private String subtype(EntityType type, List<Raw> cluster, Raw longest) {
        if (type != EntityType.LOCATION && type != EntityType.MISC) {
            return null;
        }
        if (REGIONS.contains(nameKey(longest.text()))) {
            return null;
        }
        String found = gazetteer.placeType(longest.text());
        for (int i = 0; found == null && i < cluster.size(); i++) {
            found = gazetteer.placeType(cluster.get(i).text());
        }
        if (found == null) {
            return null;
        }
        boolean place = found.equals(KbpGazetteer.COUNTRY) || found.equals(KbpGazetteer.CITY)
                || found.equals(KbpGazetteer.STATE_OR_PROVINCE);
        // A LOCATION gets a kind of place, MISC a nationality/religion/ideology; anything else is a list clash.
        return (type == EntityType.LOCATION) == place ? found : null;
    }

    /** "Tokayev" joins "Kassym-Jomart Tokayev"; "George Bush" joins "George W. Bush". */
    private static void joinPersonNames(List<Group> groups, UnionFind union) {
        List<Group> fullNames = new ArrayList<>();
        for (Group g : groups) {
            if (g.isPerson() && g.words().length >= 2) {
                fullNames.add(g);
            }
        }
        for (int i = 0; i < fullNames.size(); i++) {
            for (int j = i + 1; j < fullNames.size(); j++) {
                String[] a = fullNames.get(i).words();
                String[] b = fullNames.get(j).words();
                if (a[0].equals(b[0]) && a[a.length - 1].equals(b[b.length - 1])) {
                    union.join(fullNames.get(i).id, fullNames.get(j).id);
                }
            }
        }
        Map<String, List<Group>> bySurname = new HashMap<>();
        for (Group g : fullNames) {
            String[] w = g.words();
            bySurname.computeIfAbsent(w[w.length - 1], k -> new ArrayList<>()).add(g);
        }
        for (Group g : groups) {
            if (g.words().length != 1 || !g.isPerson()) {
                continue;
            }
            List<Group> candidates = bySurname.get(g.words()[0]);
            if (candidates == null) {
                continue;
            }
            Set<Integer> roots = new HashSet<>();
            for (Group c : candidates) {
                roots.add(union.find(c.id));
            }
            if (roots.size() == 1) {
                union.join(g.id, candidates.get(0).id);
            } else {
                // Two people share the surname: the one named most recently before the surname is meant.
                Group nearest = null;
                int first = g.raws.get(0).start();
                for (Group c : candidates) {
                    for (Raw r : c.raws) {
                        if (r.start() < first && (nearest == null || r.start() > nearest.raws.get(0).start())) {
                            nearest = c;
                        }
                    }
                }
                if (nearest != null) {
                    union.join(g.id, nearest.id);
                }
            }
        }
    }

    /** "CSTO" joins "Collective Security Treaty Organisation" by initials, or by "Long Name (ACR)" in the text. */
    private static void joinAcronyms(String text, List<Group> groups, Map<String, Integer> groupOfKey,
            UnionFind union) {
        Map<String, List<Group>> acronyms = new HashMap<>();
        for (Group g : groups) {
            String surface = g.raws.get(0).text();
            if (!g.isPerson() && isAcronym(surface)) {
                acronyms.computeIfAbsent(surface.replace(".", "").toUpperCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(g);
            }
        }
        if (acronyms.isEmpty()) {
            return;
        }
        for (Group g : groups) {
            if (g.isPerson() || g.words().length < 2) {
                continue;
            }
            Raw r = g.raws.get(0);
            List<Group> match = acronyms.get(initials(r.text(), true));
            if (match == null) {
                match = acronyms.get(initials(r.text(), false));
            }
            if (match == null) {
                match = acronyms.get(definedAcronym(text, g));
            }
            if (match != null) {
                for (Group a : match) {
                    union.join(a.id, g.id);
                }
            }
        }
    }

    /** "Republic of Kazakhstan" joins "Kazakhstan" when the article names both. */
    private static void joinFormalPlaceNames(List<Group> groups, Map<String, Integer> groupOfKey, UnionFind union) {
        for (Group g : groups) {
            if (g.type() != EntityType.LOCATION) {
                continue;
            }
            for (String prefix : FORMAL_PLACE_PREFIXES) {
                if (g.key().startsWith(prefix)) {
                    Integer plain = groupOfKey.get(g.key().substring(prefix.length()));
                    if (plain != null && groups.get(plain).type() == EntityType.LOCATION) {
                        union.join(g.id, plain);
                    }
                }
            }
        }
    }

    /** The acronym written in brackets right after a mention of the group: "… Organisation (CSTO)". */
    private static String definedAcronym(String text, Group g) {
        for (Raw r : g.raws) {
            int i = r.end();
            while (i < text.length() && text.charAt(i) == ' ') {
                i++;
            }
            if (i < text.length() && text.charAt(i) == '(') {
                int close = text.indexOf(')', i);
                if (close > i + 1 && close - i <= 12) {
                    String inside = text.substring(i + 1, close).strip();
                    if (isAcronym(inside)) {
                        return inside.replace(".", "").toUpperCase(Locale.ROOT);
                    }
                }
            }
        }
        return null;
    }

    private static boolean isAcronym(String s) {
        String t = s.replace(".", "");
        if (t.length() < 2 || t.length() > 8 || !Character.isUpperCase(t.charAt(0))) {
            return false;
        }
        int upper = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!Character.isLetter(c) && c != '&') {
                return false;
            }
            if (Character.isUpperCase(c)) {
                upper++;
            }
        }
        return upper >= 2 && upper * 2 > t.length();
    }

    /** Upper-case initials of the capitalised words ("Bank of England" → "BE"), or of all words ("BOE"). */
    private static String initials(String name, boolean capitalisedOnly) {
        StringBuilder sb = new StringBuilder();
        for (String word : name.split("[\\s]+")) {
            for (String part : word.split("-")) {
                if (part.isEmpty() || !Character.isLetter(part.charAt(0))) {
                    continue;
                }
                if (!capitalisedOnly || Character.isUpperCase(part.charAt(0))) {
                    sb.append(Character.toUpperCase(part.charAt(0)));
                }
                // "Co-operation" counts once: only the first part of a hyphenated word gives a letter.
                break;
            }
        }
        return sb.toString();
    }

    /** Mentions of one name: what the clustering joins, by the index it has in the group list. */
    private static final class Group {
        final int id;
        final List<Raw> raws = new ArrayList<>(2);
        private final Map<EntityType, Integer> votes = new HashMap<>(2);

        Group(int id) {
            this.id = id;
        }

        void add(Raw r) {
            raws.add(r);
            votes.merge(r.type(), 1, Integer::sum);
        }

        String key() {
            return raws.get(0).key();
        }

        String[] words() {
            return raws.get(0).words();
        }

        EntityType type() {
            return votes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        }

        boolean isPerson() {
            return type() == EntityType.PERSON;
        }
    }

    private static final class UnionFind {
        private final int[] parent;

        UnionFind(int n) {
            parent = new int[n];
            Arrays.setAll(parent, i -> i);
        }

        int find(int i) {
            while (parent[i] != i) {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            return i;
        }

        /** Joins two sets; the smaller index stays root so that first-seen groups lead. */
        void join(int a, int b) {
            int ra = find(a);
            int rb = find(b);
            if (ra != rb) {
                parent[Math.max(ra, rb)] = Math.min(ra, rb);
            }
        }
    }

    // ---------------------------------------------------------------- lines

    /**
     * What kind of line a position is on: a title-cased headline, or a photo credit. Computed once per line and
     * only for lines that hold a mention.
     */
    private static final class LineShapes {
        private static final Set<String> SMALL_WORDS = Set.of(
                "a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "by", "with", "from", "as", "vs",
                "vs.", "via", "into", "amid", "over", "after", "but", "nor", "per", "off", "up");

        private final String text;
        private final Map<Integer, Boolean> headline = new HashMap<>();

        LineShapes(String text) {
            this.text = text;
        }

        boolean isHeadline(int pos) {
            int start = lineStart(pos);
            return headline.computeIfAbsent(start, s -> titleCased(s, lineEnd(s)));
        }

        boolean isCredit(int start, int end) {
            if ((start > 0 && text.charAt(start - 1) == '/') || (end < text.length() && text.charAt(end) == '/')) {
                return true;
            }
            String line = text.substring(lineStart(start), lineEnd(start)).toLowerCase(Locale.ROOT);
            for (String w : CREDIT_WORDS) {
                if (line.contains(w)) {
                    return true;
                }
            }
            return false;
        }

        private int lineStart(int pos) {
            return text.lastIndexOf('\n', pos - 1) + 1;
        }

        private int lineEnd(int start) {
            int e = text.indexOf('\n', start);
            return e < 0 ? text.length() : e;
        }

        /** Three or more words, every word that is not a small word capitalised, no sentence inside; no byline. */
        private boolean titleCased(int s, int e) {
            if (text.startsWith("By ", s)) {
                return false;
            }
            int capitalised = 0;
            int i = s;
            while (i < e) {
                while (i < e && Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                int w = i;
                while (i < e && !Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                if (i == w) {
                    break;
                }
                String word = text.substring(w, i);
                char first = firstLetter(word);
                if (first == 0) {
                    continue;
                }
                if (word.length() > 1 && word.endsWith(".") && i < e) {
                    return false;
                }
                if (Character.isUpperCase(first)) {
                    capitalised++;
                } else if (!SMALL_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
                    return false;
                }
            }
            return capitalised >= 3;
        }

        private static char firstLetter(String word) {
            for (int i = 0; i < word.length(); i++) {
                if (Character.isLetter(word.charAt(i))) {
                    return word.charAt(i);
                }
            }
            return 0;
        }
    }

    // ---------------------------------------------------------------- strings

    /** The comparison key of a name: lower case, straight apostrophes, no dots, hyphens unified, single spaces. */
    static String nameKey(String surface) {
        return KbpGazetteer.key(surface).replace(".", "");
    }

    private static String normalizeSpaces(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }

    private static boolean isAllCaps(String s) {
        boolean letter = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c)) {
                letter = true;
                if (!Character.isUpperCase(c)) {
                    return false;
                }
            }
        }
        return letter;
    }

    private static boolean isPunctuation(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.isLetterOrDigit(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
