package org.newsdesk.ingest.language;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

/**
 * Says which language an article is written in, as an ISO 639-1 code, using Lingua restricted to the languages
 * the deployment expects.
 * <p>
 * Lingua is built on first use and loads each language's n-gram models only when a text needs them (a few
 * languages cost ~0.1 s and tens of MB; all 75 preloaded cost 1.4 GB of heap), so it must never be built with
 * every language or with preloading. When the text is too short or Lingua cannot tell two languages apart, the
 * answer is {@value #UNDETERMINED}: a wrong language would send the article to the wrong NLP pipeline.
 * Thread-safe: Lingua synchronises its model loading.
 */
public final class LanguageDetector {

    /** ISO 639-2 "undetermined". */
    public static final String UNDETERMINED = "und";
    public static final List<String> DEFAULT_LANGUAGES = List.of("en", "ru", "kk", "ar", "fr", "de", "es", "uk", "tr", "zh");
    /** Fewer letters than this is not enough evidence ("Restrictions", a name). */
    public static final int DEFAULT_MIN_LETTERS = 20;
    /**
     * Lingua's gap between the best and the second-best language's relative confidence (best = 1.0) below which it
     * answers "unknown". Measured: a clear English sentence wins over French by 0.08, "Президент Казахстана Токаев"
     * over Kazakh by 0.047, "Restrictions" over French by 0.031 (too few letters anyway).
     */
    public static final double DEFAULT_MIN_RELATIVE_DISTANCE = 0.025;
    /**
     * Detection looks at the start of the text only, since its cost grows with the sample: after warm-up,
     * high-accuracy Lingua over 10 languages took 0.25 ms for 300 characters, 0.5 ms for 600 and 1.2-2 ms for
     * 1,500. A first look at 300 characters decides every BBC article (all English, all recognised at 300 as at
     * 600); only when Lingua cannot decide there does it look at {@value #SECOND_SAMPLE_CHARS}.
     */
    private static final int FIRST_SAMPLE_CHARS = 300;
    private static final int SECOND_SAMPLE_CHARS = 1000;

    private final List<IsoCode639_1> languages;
    private final int minLetters;
    private final double minRelativeDistance;
    private volatile com.github.pemistahl.lingua.api.LanguageDetector lingua;

    public LanguageDetector() {
        this(DEFAULT_LANGUAGES, DEFAULT_MIN_LETTERS, DEFAULT_MIN_RELATIVE_DISTANCE);
    }

    /**
     * @param isoCodes            ISO 639-1 codes of the languages to tell apart (at least two)
     * @param minLetters          texts with fewer letters give {@value #UNDETERMINED}
     * @param minRelativeDistance how clearly the best language must win, 0 to 0.99
     * @throws IllegalArgumentException for a code Lingua does not know, naming it
     */
    public LanguageDetector(Collection<String> isoCodes, int minLetters, double minRelativeDistance) {
        List<IsoCode639_1> codes = new ArrayList<>();
        for (String code : isoCodes) {
            IsoCode639_1 iso = parse(code);
            if (!codes.contains(iso)) {
                codes.add(iso);
            }
        }
        if (codes.size() < 2) {
            throw new IllegalArgumentException("language detection needs at least two languages, got " + isoCodes);
        }
        this.languages = List.copyOf(codes);
        this.minLetters = minLetters;
        this.minRelativeDistance = minRelativeDistance;
    }

    /** The ISO 639-1 code of the text's language, or {@value #UNDETERMINED}. */
    public String detect(String text) {
        if (text == null) {
            return UNDETERMINED;
        }
        String sample = sample(text, FIRST_SAMPLE_CHARS);
        if (countLetters(sample) < minLetters) {
            return UNDETERMINED;
        }
        Language language = lingua().detectLanguageOf(sample);
        if (language == Language.UNKNOWN && sample.length() < text.length()) {
            language = lingua().detectLanguageOf(sample(text, SECOND_SAMPLE_CHARS));
        }
        if (language == Language.UNKNOWN) {
            return UNDETERMINED;
        }
        return language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
    }

    /** The languages this detector chooses among, as ISO 639-1 codes. */
    public List<String> languages() {
        return languages.stream().map(code -> code.name().toLowerCase(Locale.ROOT)).toList();
    }

    private com.github.pemistahl.lingua.api.LanguageDetector lingua() {
        var detector = lingua;
        if (detector == null) {
            synchronized (this) {
                detector = lingua;
                if (detector == null) {
                    detector = LanguageDetectorBuilder.fromIsoCodes639_1(languages.toArray(IsoCode639_1[]::new))
                            .withMinimumRelativeDistance(minRelativeDistance)
                            .build();
                    lingua = detector;
                }
            }
        }
        return detector;
    }

    private static IsoCode639_1 parse(String code) {
        String upper = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        for (IsoCode639_1 iso : IsoCode639_1.values()) {
            if (iso.name().equals(upper)) {
                return iso;
            }
        }
        throw new IllegalArgumentException("unsupported language code for detection: '" + code + "'");
    }

    /** The start of the text, at most {@code maxChars}, cut at a space where one is near the end. */
    private static String sample(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int cut = text.lastIndexOf(' ', maxChars);
        return text.substring(0, cut > maxChars / 2 ? cut : maxChars);
    }

    private static int countLetters(String text) {
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetter(text.charAt(i))) {
                letters++;
            }
        }
        return letters;
    }
}
