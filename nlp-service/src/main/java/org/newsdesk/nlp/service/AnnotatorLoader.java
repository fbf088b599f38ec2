package org.newsdesk.nlp.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.newsdesk.nlp.annotation.ArticleAnnotator;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * Builds the one {@link ArticleAnnotator} of this JVM on a background thread at start-up and warms it up on a
 * couple of paragraphs, so that HTTP starts at once while the models load (readiness stays DOWN meanwhile) and
 * the first real article does not pay for lazy initialisation. Fires {@link AnnotatorReady} when done.
 * <p>
 * It must never build a second annotator: the models take seconds and hundreds of megabytes to load.
 */
@ApplicationScoped
public class AnnotatorLoader {

    /** Wire-copy style text that exercises every step once: names, a dated event, figures and a quote. */
    static final String WARM_UP_TEXT = """
            ALMATY, Jan. 7 – President Kassym-Jomart Tokayev said on Friday that constitutional order had been \
            largely restored in the regions of Kazakhstan after more than 3,000 people were detained and 26 were killed \
            in the unrest that began on Sunday.

            “The counter-terrorist operation continues,” Tokayev said in a televised address, adding that troops of the \
            Collective Security Treaty Organization would stay in Almaty until the airport reopened. Prices of liquefied \
            gas rose by 15 percent to 120 tenge a litre, the Ministry of Energy said.
            """;

    public enum State { LOADING, READY, FAILED }

    private final CompletableFuture<ArticleAnnotator> annotator = new CompletableFuture<>();
    private volatile State state = State.LOADING;
    private volatile long loadMillis = -1;
    private volatile String failure;

    @Inject
    Event<AnnotatorReady> ready;

    void onStart(@Observes StartupEvent event) {
        Thread.ofPlatform().name("annotator-loader").daemon().start(this::load);
    }

    private void load() {
        long start = System.nanoTime();
        try {
            Log.info("loading the annotator (CoreNLP NER, POS, SUTime, embeddings)");
            ArticleAnnotator built = new ArticleAnnotator();
            long loaded = System.nanoTime();
            built.annotate(WARM_UP_TEXT, OffsetDateTime.parse("2022-01-07T12:00:00+06:00"), "en");
            long warmed = System.nanoTime();
            loadMillis = TimeUnit.NANOSECONDS.toMillis(warmed - start);
            state = State.READY;
            annotator.complete(built);
            Log.infof("annotator ready in %d ms (load %d ms, warm-up %d ms)", loadMillis,
                    TimeUnit.NANOSECONDS.toMillis(loaded - start), TimeUnit.NANOSECONDS.toMillis(warmed - loaded));
            ready.fire(new AnnotatorReady(loadMillis));
        } catch (Throwable e) {
            // Liveness turns DOWN so that the orchestrator restarts the pod; nothing is dead-lettered meanwhile
            // because the consumer never resumes.
            failure = e.toString();
            state = State.FAILED;
            annotator.completeExceptionally(e);
            Log.error("the annotator could not be loaded; this instance cannot annotate", e);
        }
    }

    public State state() {
        return state;
    }

    /** Milliseconds that loading and warm-up took, or -1 before it finished. */
    public long loadMillis() {
        return loadMillis;
    }

    /** Why loading failed, when {@link #state()} is {@link State#FAILED}. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /** The annotator if it is ready now, without waiting. */
    public Optional<ArticleAnnotator> ifReady() {
        return state == State.READY ? Optional.of(annotator.join()) : Optional.empty();
    }

    /** Waits until the annotator is ready; throws {@link AnnotatorUnavailableException} on timeout or failure. */
    public ArticleAnnotator await(Duration timeout) {
        try {
            return annotator.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AnnotatorUnavailableException("the annotator is still loading after " + timeout);
        } catch (ExecutionException e) {
            throw new AnnotatorUnavailableException("the annotator failed to load: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnnotatorUnavailableException("interrupted while waiting for the annotator");
        }
    }
}
