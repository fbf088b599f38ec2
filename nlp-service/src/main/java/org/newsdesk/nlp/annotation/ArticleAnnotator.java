package org.newsdesk.nlp.annotation;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.text.BreakIterator;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

import org.jboss.logging.Logger;
import org.newsdesk.contracts.Annotation;

import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreSentence;

/**
 * Annotates one article: sentences, canonical entities, quotes with speakers, dates, numeric facts, keyphrases,
 * paragraph vectors and the document vector. English gets everything; any other language gets sentences, quotes
 * without speakers and vectors, with a note saying what was skipped.
 * <p>
 * A failing optional step (dates, facts, keyphrases, vectors) leaves its part empty and says why in
 * {@code notes}; only a failure of the NER itself propagates. Thread-safe when its collaborators are. It must never
 * change the text: every offset it returns indexes into the string it was given.
 */
public final class ArticleAnnotator {

    private static final Logger LOG = Logger.getLogger(ArticleAnnotator.class);

    /** Languages whose NER model, speech verbs and titles this annotator has. */
    private static final String ENGLISH = "en";
    public static final int DEFAULT_MAX_KEYPHRASES = 10;

    private final CoreNlpPipeline pipeline;
    private final EntityCanonicalizer canonicalizer;
    private final QuoteExtractor quoteExtractor;
    private final QuoteAttributor quoteAttributor;
    private final DateFinder dateFinder;
    private final FactFinder factFinder;
    private final PhraseRanker phraseRanker;
    private final Embedder embedder;
    private final int maxKeyphrases;

    /**
     * The production annotator: the fast CoreNLP pipeline, the KBP word lists, SUTime dates, numeric facts,
     * keyphrases and MiniLM vectors, with one POS tagger and one embedding model shared by the steps that need them.
     * Loading takes seconds and about half a gigabyte: build it once per JVM.
     */
    public ArticleAnnotator() {
        this(new PartOfSpeechTagger(), new TextEmbedder());
    }

    private ArticleAnnotator(PartOfSpeechTagger tagger, Embedder embedder) {
        this(new CoreNlpPipeline(), KbpGazetteer.load(), new TemporalNormalizer(tagger),
                new NumericFactExtractor(tagger), new KeyphraseExtractor(embedder, tagger), embedder);
    }

    public ArticleAnnotator(CoreNlpPipeline pipeline, KbpGazetteer gazetteer, DateFinder dateFinder,
            FactFinder factFinder, PhraseRanker phraseRanker, Embedder embedder) {
        this(pipeline, new EntityCanonicalizer(gazetteer), new QuoteExtractor(), new QuoteAttributor(gazetteer),
                dateFinder, factFinder, phraseRanker, embedder, DEFAULT_MAX_KEYPHRASES);
    }

    public ArticleAnnotator(CoreNlpPipeline pipeline, EntityCanonicalizer canonicalizer, QuoteExtractor quoteExtractor,
            QuoteAttributor quoteAttributor, DateFinder dateFinder, FactFinder factFinder, PhraseRanker phraseRanker,
            Embedder embedder, int maxKeyphrases) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.canonicalizer = Objects.requireNonNull(canonicalizer, "canonicalizer");
        this.quoteExtractor = Objects.requireNonNull(quoteExtractor, "quoteExtractor");
        this.quoteAttributor = Objects.requireNonNull(quoteAttributor, "quoteAttributor");
        this.dateFinder = Objects.requireNonNull(dateFinder, "dateFinder");
        this.factFinder = Objects.requireNonNull(factFinder, "factFinder");
        this.phraseRanker = Objects.requireNonNull(phraseRanker, "phraseRanker");
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        if (maxKeyphrases < 0) {
            throw new IllegalArgumentException("maxKeyphrases must not be negative: " + maxKeyphrases);
        }
        this.maxKeyphrases = maxKeyphrases;
    }

    /**
     * @param text        the clean article text; offsets in the result index into it
     * @param publishedAt the publication time relative dates resolve against; may be null when unknown
     * @param language    ISO 639-1 code ("en", "ru"), a BCP 47 tag ("en-GB"), "und" or null
     * @throws IllegalArgumentException when the text is null or blank
     */
    public Annotation annotate(String text, OffsetDateTime publishedAt, String language) {
        return annotate(text, publishedAt, language, StepClock.NONE);
    }

    /** As {@link #annotate(String, OffsetDateTime, String)}, telling {@code clock} the CPU time of each step. */
    public Annotation annotate(String text, OffsetDateTime publishedAt, String language, StepClock clock) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("nothing to annotate: the text is " + (text == null ? "null" : "blank"));
        }
        Laps laps = new Laps(clock);
        String lang = normalizeLanguage(language);
        List<String> notes = new ArrayList<>();
        List<Annotation.Span> paragraphs = Paragraphs.split(text);
        List<QuoteExtractor.Candidate> candidates = quoteExtractor.extract(text, paragraphs);
        laps.lap("quotes");
        Vectors vectors = embed(text, paragraphs, notes);
        laps.lap("vectors");

        if (!lang.equals(ENGLISH)) {
            notes.add("no NER model for language '" + lang
                    + "': entities, speakers, dates, facts and keyphrases skipped");
            return new Annotation(lang, sentencesByRules(text, paragraphs, lang), List.of(),
                    QuoteAttributor.unattributed(text, candidates), List.of(), List.of(), List.of(), vectors.document(),
                    vectors.paragraphs(), List.copyOf(notes));
        }

        CoreDocument doc = pipeline.process(text);
        List<Annotation.Span> sentences = new ArrayList<>(doc.sentences().size());
        for (CoreSentence s : doc.sentences()) {
            sentences.add(new Annotation.Span(s.charOffsets().first(), s.charOffsets().second()));
        }
        laps.lap("corenlp");
        List<Annotation.Entity> entities = canonicalizer.canonicalize(doc);
        laps.lap("entities");
        List<Annotation.Quote> quotes = quoteAttributor.attribute(doc, entities, candidates);
        laps.lap("speakers");
        List<Annotation.DateMention> dates = optional("dates", notes, () -> dateFinder.find(doc, publishedAt));
        laps.lap("dates");
        List<Annotation.Fact> facts = optional("facts", notes, () -> factFinder.find(doc, entities));
        laps.lap("facts");
        List<Annotation.Keyphrase> keyphrases;
        if (vectors.document() == null) {
            notes.add("keyphrases skipped: they are ranked against the document vector, which is missing");
            keyphrases = List.of();
        } else {
            keyphrases = optional("keyphrases", notes,
                    () -> phraseRanker.rank(doc, vectors.document(), maxKeyphrases));
        }
        laps.lap("keyphrases");
        return new Annotation(lang, List.copyOf(sentences), entities, quotes, dates, facts, keyphrases,
                vectors.document(), vectors.paragraphs(), List.copyOf(notes));
    }

    /** The calling thread's CPU time between consecutive steps, told to a {@link StepClock} (none read for NONE). */
    private static final class Laps {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        private final StepClock clock;
        private long last;

        Laps(StepClock clock) {
            this.clock = clock;
            this.last = clock == StepClock.NONE ? 0 : THREADS.getCurrentThreadCpuTime();
        }

        void lap(String step) {
            if (clock != StepClock.NONE) {
                long now = THREADS.getCurrentThreadCpuTime();
                clock.spent(step, now - last);
                last = now;
            }
        }
    }

    /** Paragraph vectors and the document vector, or nulls with a note when the embedder failed. */
    private record Vectors(float[] document, List<Annotation.ParagraphEmbedding> paragraphs) {
    }

    private Vectors embed(String text, List<Annotation.Span> paragraphs, List<String> notes) {
        try {
            List<String> texts = new ArrayList<>(paragraphs.size());
            for (Annotation.Span p : paragraphs) {
                texts.add(text.substring(p.start(), p.end()));
            }
            List<float[]> vectors = embedder.embedAll(texts);
            if (vectors.size() != texts.size()) {
                throw new IllegalStateException("the embedder returned " + vectors.size() + " vectors for "
                        + texts.size() + " paragraphs");
            }
            List<Annotation.ParagraphEmbedding> result = new ArrayList<>(vectors.size());
            for (int i = 0; i < vectors.size(); i++) {
                Annotation.Span p = paragraphs.get(i);
                result.add(new Annotation.ParagraphEmbedding(p.start(), p.end(), vectors.get(i)));
            }
            return new Vectors(Paragraphs.normalizedMean(vectors), List.copyOf(result));
        } catch (RuntimeException e) {
            LOG.warn("embeddings failed; the annotation goes out without vectors", e);
            notes.add("embeddings failed: " + e);
            return new Vectors(null, List.of());
        }
    }

    /** Runs an optional step; its failure empties its part of the annotation and is reported in the notes. */
    private static <T> List<T> optional(String what, List<String> notes, Supplier<List<T>> step) {
        try {
            List<T> result = step.get();
            return result == null ? List.of() : List.copyOf(result);
        } catch (RuntimeException e) {
            LOG.warnf(e, "%s failed; the annotation goes out without them", what);
            notes.add(what + " failed: " + e);
            return List.of();
        }
    }

    /**
     * Sentences for languages CoreNLP has no English-style model for: the JDK's Unicode sentence rules, run paragraph
     * by paragraph so that a paragraph break always ends a sentence.
     */
    private static List<Annotation.Span> sentencesByRules(String text, List<Annotation.Span> paragraphs, String lang) {
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.forLanguageTag(lang));
        List<Annotation.Span> spans = new ArrayList<>();
        for (Annotation.Span p : paragraphs) {
            it.setText(text.substring(p.start(), p.end()));
            int s = it.first();
            for (int e = it.next(); e != BreakIterator.DONE; s = e, e = it.next()) {
                int a = p.start() + s;
                int b = p.start() + e;
                while (a < b && Character.isWhitespace(text.charAt(a))) {
                    a++;
                }
                while (b > a && Character.isWhitespace(text.charAt(b - 1))) {
                    b--;
                }
                if (b > a) {
                    spans.add(new Annotation.Span(a, b));
                }
            }
        }
        return List.copyOf(spans);
    }

    /** "en-GB" → "en", null or blank → "und". */
    static String normalizeLanguage(String language) {
        if (language == null || language.isBlank()) {
            return "und";
        }
        String primary = language.strip().split("[-_]", 2)[0];
        return primary.toLowerCase(Locale.ROOT);
    }

    /** The vector of a search query, from the same embedder as the article and paragraph vectors (L2-normalised). */
    public float[] embedQuery(String text) {
        return embedder.embed(text);
    }
}
