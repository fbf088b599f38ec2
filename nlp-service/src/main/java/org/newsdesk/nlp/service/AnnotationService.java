package org.newsdesk.nlp.service;

import java.text.BreakIterator;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.newsdesk.contracts.Annotation;
import org.newsdesk.contracts.ArticleAnnotated;
import org.newsdesk.contracts.ArticleIngested;
import org.newsdesk.nlp.annotation.ArticleAnnotator;
import org.newsdesk.nlp.config.NlpServiceConfig;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The two ways into the annotator, HTTP and Kafka, with the checks and metrics they share: the size cap, the wait
 * for the model, a timer and counters of articles, tokens and failures per source.
 * <p>
 * It must never block an HTTP caller on the model loading (503 instead), and never hand CoreNLP a text over the cap.
 */
@ApplicationScoped
public class AnnotationService {

    /** Where an annotation request came from; a metric tag. */
    public enum Source {
        HTTP, KAFKA;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A Kafka worker waits this long for the model; the consumer is paused until then, so it rarely waits at all. */
    private static final Duration KAFKA_MODEL_WAIT = Duration.ofMinutes(10);

    @Inject
    AnnotatorLoader loader;

    @Inject
    NlpServiceConfig config;

    @Inject
    MeterRegistry registry;

    private Semaphore httpSlots;

    @PostConstruct
    void init() {
        httpSlots = new Semaphore(config.http().concurrency(), true);
    }

    /**
     * Annotates one text for a synchronous caller. Throws {@link TextTooLargeException},
     * {@link AnnotatorUnavailableException} while the model loads, {@link BusyException} when every slot stayed
     * taken for {@code newsdesk.nlp.http.queue-timeout}.
     */
    public Annotation annotateText(String text, OffsetDateTime publishedAt, String language) {
        checkSize(text, Source.HTTP);
        ArticleAnnotator annotator = loader.ifReady()
                .orElseThrow(() -> new AnnotatorUnavailableException("the annotator is " + loader.state().name().toLowerCase(Locale.ROOT)));
        boolean acquired;
        try {
            acquired = httpSlots.tryAcquire(config.http().queueTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusyException("interrupted while waiting for a free annotation slot");
        }
        if (!acquired) {
            throw new BusyException("all " + config.http().concurrency() + " annotation slots stayed busy for "
                    + config.http().queueTimeout());
        }
        try {
            return annotate(annotator, text, publishedAt, language, Source.HTTP);
        } finally {
            httpSlots.release();
        }
    }

    /** The model behind every vector this service hands out (articles, paragraphs, queries). */
    public static final String EMBEDDING_MODEL = "all-MiniLM-L6-v2-q";

    /**
     * The vector of a short text (a search query) from the annotator's own embedder, so that it compares with the
     * article and paragraph vectors by cosine. Throws {@link TextTooLargeException} over
     * {@code newsdesk.nlp.max-embed-bytes} and {@link AnnotatorUnavailableException} while the model loads. It takes
     * no annotation slot: a query embeds in milliseconds and must not queue behind whole articles.
     */
    public float[] embedText(String text) {
        long bytes = utf8Length(text);
        if (bytes > config.maxEmbedBytes()) {
            throw new TextTooLargeException(bytes, config.maxEmbedBytes());
        }
        ArticleAnnotator annotator = loader.ifReady()
                .orElseThrow(() -> new AnnotatorUnavailableException("the annotator is " + loader.state().name().toLowerCase(Locale.ROOT)));
        Timer.Sample sample = Timer.start(registry);
        float[] vector = annotator.embedQuery(text);
        sample.stop(Timer.builder("newsdesk.embedding.duration")
                .description("Time to embed one text for a query")
                .publishPercentileHistogram()
                .register(registry));
        return vector;
    }

    /** Annotates an ingested article into the event published on {@code articles.annotated}. */
    public ArticleAnnotated annotateArticle(ArticleIngested article) {
        if (article.text() == null) {
            throw new IllegalArgumentException("article " + article.articleId() + " has no text");
        }
        checkSize(article.text(), Source.KAFKA);
        ArticleAnnotator annotator = loader.await(KAFKA_MODEL_WAIT);
        Annotation annotation = annotate(annotator, article.text(), article.publishedAt(), article.language(), Source.KAFKA);
        return new ArticleAnnotated(ArticleAnnotated.SCHEMA_VERSION, article.articleId(), article.revision(),
                config.annotatorVersion(), Instant.now(), article, annotation);
    }

    private Annotation annotate(ArticleAnnotator annotator, String text, OffsetDateTime publishedAt, String language,
            Source source) {
        Timer.Sample sample = Timer.start(registry);
        try {
            Annotation annotation = annotator.annotate(text, publishedAt, language);
            sample.stop(Timer.builder("newsdesk.annotation.duration")
                    .description("Time to annotate one text")
                    .tag("source", source.tag())
                    .publishPercentileHistogram()
                    .register(registry));
            counter("newsdesk.annotation.articles", "Texts annotated", source).increment();
            counter("newsdesk.annotation.tokens", "Word tokens in the texts annotated", source).increment(countWords(text));
            return annotation;
        } catch (RuntimeException | Error e) {
            countFailure(source, e);
            throw e;
        }
    }

    /** Counts a failed or refused annotation, by source and by the simple name of what went wrong. */
    public void countFailure(Source source, Throwable reason) {
        Counter.builder("newsdesk.annotation.failures")
                .description("Texts that could not be annotated")
                .tag("source", source.tag())
                .tag("reason", reason.getClass().getSimpleName())
                .register(registry)
                .increment();
    }

    private void checkSize(String text, Source source) {
        long bytes = utf8Length(text);
        if (bytes > config.maxTextBytes()) {
            TextTooLargeException e = new TextTooLargeException(bytes, config.maxTextBytes());
            countFailure(source, e);
            throw e;
        }
    }

    private Counter counter(String name, String description, Source source) {
        return Counter.builder(name).description(description).tag("source", source.tag()).register(registry);
    }

    /** UTF-8 length as {@code getBytes(UTF_8)} counts it, without allocating a copy of a possibly huge text. */
    static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes += 1; // unpaired: the encoder writes '?'
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** Word tokens as the JDK's word boundaries see them: a metric of throughput, close to CoreNLP's token count. */
    static int countWords(String text) {
        BreakIterator words = BreakIterator.getWordInstance(Locale.ROOT);
        words.setText(text);
        int count = 0;
        int start = words.first();
        for (int end = words.next(); end != BreakIterator.DONE; start = end, end = words.next()) {
            if (Character.isLetterOrDigit(text.codePointAt(start))) {
                count++;
            }
        }
        return count;
    }

    /** Every synchronous slot stayed taken: the caller should retry later. */
    public static class BusyException extends RuntimeException {
        public BusyException(String message) {
            super(message);
        }
    }
}
