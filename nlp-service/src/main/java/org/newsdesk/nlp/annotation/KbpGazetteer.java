package org.newsdesk.nlp.annotation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.jboss.logging.Logger;

/**
 * The word lists that ship in the CoreNLP models jar for the KBP fine-grained NER (countries, states, cities,
 * nationalities, religions, ideologies and job titles), read once so that entity subtypes and speaker roles cost a
 * hash lookup instead of running the 3.5× slower fine-grained NER.
 * <p>
 * Cities (about 450,000 names) are kept only as sorted 64-bit hashes (~4 MB). Immutable and thread-safe after
 * {@link #load()}. It must never be used to find entities: it only refines mentions the NER already found.
 */
public final class KbpGazetteer {

    private static final Logger LOG = Logger.getLogger(KbpGazetteer.class);

    private static final String DIR = "edu/stanford/nlp/models/kbp/english/gazetteers/";
    private static final String CASELESS = DIR + "regexner_caseless.tab";
    private static final String CASED = DIR + "regexner_cased.tab";

    public static final String COUNTRY = "COUNTRY";
    public static final String STATE_OR_PROVINCE = "STATE_OR_PROVINCE";
    public static final String CITY = "CITY";
    public static final String NATIONALITY = "NATIONALITY";
    public static final String RELIGION = "RELIGION";
    public static final String IDEOLOGY = "IDEOLOGY";

    /**
     * Role nouns news copy uses for people that the KBP title list lacks; "head of state" matters for wire copy
     * from Central Asia, "official" and "spokesperson" everywhere.
     */
    private static final Set<String> EXTRA_TITLES = Set.of(
            "official", "head of state", "head of the state", "chief", "head", "expert", "officer", "star",
            "player", "chair", "spokesperson", "deputy prosecutor-general", "prosecutor-general", "premier",
            "chancellor", "monarch", "lawmaker", "mp", "emir", "sultan", "sheikh", "frontman", "frontwoman",
            "lead singer", "team-mate", "teammate", "agent", "actor", "actress");

    private static final Set<String> PLACE_TYPES = Set.of(COUNTRY, STATE_OR_PROVINCE, NATIONALITY, RELIGION, IDEOLOGY);

    private final Map<String, String> caselessPlaces;
    private final Map<String, String> casedPlaces;
    private final long[] cityHashes;
    private final Set<String> titles;

    private KbpGazetteer(Map<String, String> caselessPlaces, Map<String, String> casedPlaces, long[] cityHashes,
            Set<String> titles) {
        this.caselessPlaces = caselessPlaces;
        this.casedPlaces = casedPlaces;
        this.cityHashes = cityHashes;
        this.titles = titles;
    }

    /** Reads the lists from the CoreNLP models jar on the class path (about half a second). */
    public static KbpGazetteer load() {
        long t0 = System.nanoTime();
        Loader loader = new Loader();
        loader.read(CASELESS, true);
        loader.read(CASED, false);
        long[] sortedCities = Arrays.copyOf(loader.cities, loader.cityCount);
        Arrays.sort(sortedCities);
        LOG.debugf("KBP gazetteer: %d places, %d cities, %d titles in %d ms",
                loader.caseless.size() + loader.cased.size(), loader.cityCount, loader.titles.size(),
                (System.nanoTime() - t0) / 1_000_000);
        return new KbpGazetteer(Map.copyOf(loader.caseless), Map.copyOf(loader.cased), sortedCities,
                Set.copyOf(loader.titles));
    }

    /** Reads the tab-separated lists byte by byte: half a million city lines must not each become a String. */
    private static final class Loader {
        private static final byte[] CITY_TAB = "CITY\t".getBytes(StandardCharsets.US_ASCII);

        final Map<String, String> caseless = new HashMap<>();
        final Map<String, String> cased = new HashMap<>();
        final Set<String> titles = new HashSet<>(EXTRA_TITLES);
        long[] cities = new long[1 << 19];
        int cityCount;

        void read(String resource, boolean caselessFile) {
            byte[] data;
            try (InputStream in = KbpGazetteer.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("CoreNLP models jar not on the class path: " + resource);
                }
                data = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
            int pos = 0;
            while (pos < data.length) {
                int nl = pos;
                int tab = -1;
                while (nl < data.length && data[nl] != '\n') {
                    if (tab < 0 && data[nl] == '\t') {
                        tab = nl;
                    }
                    nl++;
                }
                if (tab > pos) {
                    if (caselessFile && startsWith(data, tab + 1, CITY_TAB) && isPlain(data, pos, tab)) {
                        addCity(hashBytes(data, pos, tab));
                    } else {
                        line(new String(data, pos, nl - pos, StandardCharsets.UTF_8), caselessFile);
                    }
                }
                pos = nl + 1;
            }
        }

        private void line(String line, boolean caselessFile) {
            int tab = line.indexOf('\t');
            int tab2 = line.indexOf('\t', tab + 1);
            if (tab2 < 0) {
                return;
            }
            String type = line.substring(tab + 1, tab2);
            if (!type.equals("TITLE") && !type.equals(CITY) && !PLACE_TYPES.contains(type)) {
                // criminal charges, causes of death, e-mail/URL patterns: not entity subtypes
                return;
            }
            String name = literal(line.substring(0, tab));
            if (name == null) {
                return;
            }
            if (type.equals("TITLE")) {
                titles.add(key(name));
            } else if (type.equals(CITY)) {
                addCity(hashKey(key(name)));
            } else if (caselessFile) {
                caseless.merge(key(name), type, KbpGazetteer::morePrecise);
            } else {
                cased.merge(name, type, KbpGazetteer::morePrecise);
            }
        }

        private void addCity(long hash) {
            if (cityCount == cities.length) {
                cities = Arrays.copyOf(cities, cities.length * 2);
            }
            cities[cityCount++] = hash;
        }

        private static boolean startsWith(byte[] data, int at, byte[] prefix) {
            if (at + prefix.length > data.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if (data[at + i] != prefix[i]) {
                    return false;
                }
            }
            return true;
        }

        private static boolean isPlain(byte[] data, int from, int to) {
            for (int i = from; i < to; i++) {
                byte c = data[i];
                if (c == '\\' || c == '[' || c == '(' || c == '?' || c == '*' || c == '+' || c == '|'
                        || c == '\'' || c < 0) {
                    // escapes and patterns, apostrophes and non-ASCII letters go through the String path
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * The fine type of a place or group name: COUNTRY, STATE_OR_PROVINCE, CITY, NATIONALITY, RELIGION or IDEOLOGY;
     * null when unknown or ambiguous between a state and a city ("New York").
     */
    public String placeType(String name) {
        String cased = casedPlaces.get(name.strip());
        if (cased != null) {
            return cased;
        }
        String k = key(name);
        String type = caselessPlaces.get(k);
        boolean city = Arrays.binarySearch(cityHashes, hashKey(k)) >= 0;
        if (type == null) {
            return city ? CITY : null;
        }
        if (city && type.equals(STATE_OR_PROVINCE)) {
            return null;
        }
        return type;
    }

    /** Whether a lower-case phrase ("president", "press secretary", "head of state") names a job or role. */
    public boolean isTitle(String lowerCasePhrase) {
        return titles.contains(lowerCasePhrase);
    }

    /** Lower case, straight apostrophes, single spaces, no spaces around hyphens: the form all lookups use. */
    static String key(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        boolean space = false;
        for (int i = 0; i < name.length(); i++) {
            char c = normalizedChar(name.charAt(i));
            if (Character.isWhitespace(c)) {
                space = sb.length() > 0;
                continue;
            }
            if (space && c != '-' && sb.charAt(sb.length() - 1) != '-') {
                sb.append(' ');
            }
            space = false;
            sb.append(Character.toLowerCase(c));
        }
        return sb.toString();
    }

    /** The plain name behind a list entry, or null for real patterns (the lists mix in a few regexes). */
    private static String literal(String entry) {
        if (entry.indexOf('\\') < 0 && entry.indexOf('[') < 0 && entry.indexOf('(') < 0 && entry.indexOf('?') < 0
                && entry.indexOf('*') < 0 && entry.indexOf('+') < 0 && entry.indexOf('|') < 0) {
            return entry;
        }
        String unescaped = entry.replace("\\.", ".").replace("\\/", "/");
        for (char c : new char[] {'\\', '[', '(', '?', '*', '+', '|'}) {
            if (unescaped.indexOf(c) >= 0) {
                return null;
            }
        }
        return unescaped;
    }

    /** A name listed as both keeps the more specific kind of place: a country before a state before a group. */
    private static String morePrecise(String a, String b) {
        for (String t : new String[] {COUNTRY, STATE_OR_PROVINCE, NATIONALITY, RELIGION, IDEOLOGY}) {
            if (a.equals(t) || b.equals(t)) {
                return t;
            }
        }
        return a;
    }

    /**
     * 64-bit FNV-1a over the UTF-8 bytes of a {@link #key(String)}: collisions among half a million names are
     * vanishingly unlikely, unlike with 32-bit hashCode.
     */
    private static long hashKey(String key) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        return hashBytes(bytes, 0, bytes.length);
    }

    /**
     * The same hash over an ASCII list entry, normalised on the fly like {@link #key(String)} (lower case, single
     * spaces, none around hyphens); the caseless list is lower case already.
     */
    private static long hashBytes(byte[] data, int from, int to) {
        long h = 0xcbf29ce484222325L;
        boolean space = false;
        boolean any = false;
        byte last = 0;
        for (int i = from; i < to; i++) {
            byte c = data[i];
            if (c == ' ' || c == '\t' || c == '\r') {
                space = any;
                continue;
            }
            if (c >= 'A' && c <= 'Z') {
                c = (byte) (c + ('a' - 'A'));
            }
            if (space && c != '-' && last != '-') {
                h = (h ^ ' ') * 0x100000001b3L;
            }
            space = false;
            any = true;
            h = (h ^ (c & 0xff)) * 0x100000001b3L;
            last = c;
        }
        return h;
    }

    private static char normalizedChar(char c) {
        if (c == '’' || c == '‘') {
            return '\'';
        }
        if (c == '–' || c == '—' || c == '‑') {
            return '-';
        }
        return c;
    }
}
