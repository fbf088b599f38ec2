package org.newsdesk.nlp.annotation;

import java.util.Objects;
import java.util.Properties;

import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;

/**
 * CoreNLP loaded once in the fast configuration measured in NLP.md: tokens, sentences, POS tags, lemmas and the
 * three default NER CRFs, without SUTime, numeric classifiers or fine-grained KBP types. Steps that need dates or a
 * parse run those annotators on the few sentences that need them.
 * <p>
 * POS and lemmas are here, once per document, because keyphrases need them on every sentence and dates and facts on
 * many: tagging detached copies step by step tagged most sentences two or three times (measured with JFR on 100 BBC
 * articles: the tagger was 18% of all CPU time, a single pass is about 7%).
 * <p>
 * Thread-safe after construction: CoreNLP's annotators share their models read-only between threads, as the CoreNLP
 * server does. It must never be created per article: loading takes seconds and about 330 MB of heap.
 */
public final class CoreNlpPipeline {

    /** The annotators this pipeline runs. */
    public static final String ANNOTATORS = "tokenize,ssplit,pos,lemma,ner";

    private final Properties properties;
    private final StanfordCoreNLP pipeline;

    public CoreNlpPipeline() {
        this(defaultProperties());
    }

    /** For benchmarks and experiments that vary the configuration; production uses {@link #defaultProperties()}. */
    public CoreNlpPipeline(Properties properties) {
        this.properties = copy(Objects.requireNonNull(properties, "properties"));
        this.pipeline = new StanfordCoreNLP(copy(properties));
    }

    /** A fresh copy of the fast configuration, so that a benchmark can load exactly what production loads. */
    public static Properties defaultProperties() {
        Properties p = new Properties();
        p.setProperty("annotators", ANNOTATORS);
        // Headlines, bylines and bullets are separated by blank lines; "never" glues them onto the next sentence.
        p.setProperty("ssplit.newlineIsSentenceBreak", "two");
        p.setProperty("ner.applyFineGrained", "false");
        p.setProperty("ner.useSUTime", "false");
        p.setProperty("ner.applyNumericClassifiers", "false");
        return p;
    }

    /** The configuration this instance was built with (a copy). */
    public Properties properties() {
        return copy(properties);
    }

    /** Tokenises, splits and tags {@code text}; all character offsets are Java {@link String} indices into it. */
    public CoreDocument process(String text) {
        CoreDocument doc = new CoreDocument(Objects.requireNonNull(text, "text"));
        pipeline.annotate(doc);
        return doc;
    }

    private static Properties copy(Properties source) {
        Properties p = new Properties();
        p.putAll(source);
        return p;
    }
}
