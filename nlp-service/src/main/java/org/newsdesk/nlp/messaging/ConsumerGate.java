package org.newsdesk.nlp.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.newsdesk.nlp.service.AnnotatorLoader;
import org.newsdesk.nlp.service.AnnotatorReady;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;

/**
 * Opens and closes the {@code articles-ingested} channel around the annotator's life. The channel starts paused
 * ({@code pausable.initially-paused=true}) and opens once the annotator has loaded, so no record waits in memory behind
 * a model that may take a minute to load, or never load. On shutdown it closes the channel and lets the articles in
 * flight finish before Quarkus stops the worker pool: they are then published and acknowledged, and the connector's
 * throttled commit on termination covers them, instead of being redelivered to another instance.
 * <p>
 * It must never open the channel before the annotator is ready.
 */
@ApplicationScoped
public class ConsumerGate {

    static final String CHANNEL = "articles-ingested";

    private static final int MAX_COPIES = 256;

    /** Below quarkus.shutdown.timeout (30 s), leaving time for the connector's own commit on termination. */
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(20);

    @Inject
    ChannelRegistry channels;

    @Inject
    AnnotatorLoader loader;

    @Inject
    ArticleAnnotationProcessor processor;

    private volatile boolean open;

    void onReady(@Observes AnnotatorReady ready) {
        openIfReady();
    }

    /** The model may finish loading before the channels are wired: check again once start-up is over. */
    void onStart(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER + 1000) StartupEvent event) {
        openIfReady();
    }

    /** ShutdownEvent comes before the worker pool and the Kafka connector are terminated. */
    void onStop(@Observes ShutdownEvent event) {
        if (!open) {
            return;
        }
        copies().forEach(PausableChannel::pause);
        open = false;
        long start = System.nanoTime();
        int inFlight = processor.inFlight();
        boolean drained = processor.awaitIdle(DRAIN_LIMIT);
        Log.infof("consumer paused for shutdown; %d article(s) were in flight, %s after %d ms", inFlight,
                drained ? "all finished" : "some still running", Duration.ofNanos(System.nanoTime() - start).toMillis());
    }

    private synchronized void openIfReady() {
        if (open || loader.state() != AnnotatorLoader.State.READY) {
            return;
        }
        List<PausableChannel> copies = copies();
        if (copies.isEmpty()) {
            Log.debugf("channel %s is not wired yet; it opens at the end of start-up", CHANNEL);
            return;
        }
        copies.forEach(PausableChannel::resume);
        open = true;
        Log.infof("annotator ready: consuming %s with %d consumer(s)", CHANNEL, copies.size());
    }

    /** With {@code concurrency} N the channel exists as N copies, {@code articles-ingested$1} to {@code $N}. */
    private List<PausableChannel> copies() {
        List<PausableChannel> copies = new ArrayList<>();
        Optional.ofNullable(channels.getPausable(CHANNEL)).ifPresent(copies::add);
        for (int i = 1; i <= MAX_COPIES; i++) {
            PausableChannel copy = channels.getPausable(CHANNEL + "$" + i);
            if (copy == null) {
                break;
            }
            copies.add(copy);
        }
        return copies;
    }

    public boolean isOpen() {
        return open;
    }
}
