package org.newsdesk.nlp.messaging;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Outgoing;
import org.newsdesk.contracts.ArticleAnnotated;
import org.newsdesk.contracts.ArticleIngested;
import org.newsdesk.nlp.config.NlpServiceConfig;
import org.newsdesk.nlp.service.AnnotationService;
import org.newsdesk.nlp.service.AnnotatorUnavailableException;
import org.newsdesk.nlp.service.TextTooLargeException;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * The consumer-group member: {@code articles.ingested} in, {@code articles.annotated} out, same key, tombstones
 * passed through as tombstones. The channel runs {@code concurrency} copies, each its own consumer in the group
 * annotating its partitions in order on the {@value #WORKERS} worker pool, so several articles are annotated at once
 * and the articles of one partition never overtake each other. An offset is committed only once everything before it
 * was published and acknowledged by Kafka (throttled commits: at least once).
 * <p>
 * An article that keeps failing goes to {@code articles.ingested.dlq} after {@code newsdesk.nlp.messaging.max-attempts}
 * attempts: it is nacked, and the connector's dead-letter strategy writes the reason into the {@code dead-letter-reason}
 * header. A payload that is not an {@code ArticleIngested} at all never gets here: the connector sends it to the DLQ
 * as it fails to deserialize ({@code fail-on-deserialization-failure=false}).
 * <p>
 * It must never hold a partition hostage (no unbounded retry, no wait on one article beyond its attempts), and never
 * throw: a processor that throws fails the stream and the channel stops consuming.
 */
@ApplicationScoped
public class ArticleAnnotationProcessor {

    static final String WORKERS = "annotation-workers";

    /** Names the instance that annotated an event; diagnostics and the two-instance test use it, the contract does not. */
    public static final String INSTANCE_HEADER = "newsdesk-instance";

    @Inject
    AnnotationService annotations;

    @Inject
    NlpServiceConfig config;

    @Inject
    MeterRegistry registry;

    private volatile byte[] instanceId;

    private final AtomicInteger inFlight = new AtomicInteger();

    @PostConstruct
    void registerGauge() {
        registry.gauge("newsdesk.annotation.in.flight", inFlight);
    }

    @Incoming("articles-ingested")
    @Outgoing("articles-annotated")
    @Blocking(WORKERS)
    public Message<Record<String, ArticleAnnotated>> annotate(Message<ArticleIngested> in) {
        inFlight.incrementAndGet();
        try {
            return annotateOrFail(in);
        } catch (RuntimeException | StackOverflowError e) {
            // Nack, never throw: a processor that throws fails the whole stream, and the channel would stop.
            // The nack hands the record to the dead-letter strategy; null tells SmallRye nothing is published.
            Log.errorf(e, "record %s goes to the dead-letter queue", keyOf(in));
            registry.counter("newsdesk.articles.dead.lettered").increment();
            in.nack(e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.toString(), e));
            return null;
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** Records being annotated right now. */
    int inFlight() {
        return inFlight.get();
    }

    /** Waits until no record is being annotated, at most {@code limit}; true if none is. */
    boolean awaitIdle(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(50));
        }
        return inFlight.get() == 0;
    }

    private Message<Record<String, ArticleAnnotated>> annotateOrFail(Message<ArticleIngested> in) {
        String key = keyOf(in);
        ArticleIngested article = in.getPayload();
        if (article == null) {
            if (key == null) {
                throw new IllegalArgumentException("a tombstone without a key names no article");
            }
            Log.debugf("tombstone for article %s passed through", key);
            return publish(in, key, null);
        }
        if (article.schemaVersion() > ArticleIngested.SCHEMA_VERSION) {
            throw new IllegalArgumentException("ArticleIngested schema version " + article.schemaVersion()
                    + " is newer than this service understands (" + ArticleIngested.SCHEMA_VERSION + ")");
        }
        String outKey = key != null ? key : String.valueOf(article.articleId());
        return publish(in, outKey, annotateWithRetries(article));
    }

    /** Retries what may pass on another attempt; what cannot (a text over the cap, a malformed article) escapes at once. */
    private ArticleAnnotated annotateWithRetries(ArticleIngested article) {
        int maxAttempts = Math.max(1, config.messaging().maxAttempts());
        Duration backoff = config.messaging().retryBackoff();
        for (int attempt = 1;; attempt++) {
            try {
                return annotations.annotateArticle(article);
            } catch (TextTooLargeException | IllegalArgumentException | AnnotatorUnavailableException e) {
                // The same article fails the same way every time. AnnotatorUnavailableException is not reached in
                // normal operation (the consumer resumes only once the model is ready); should the wait time out,
                // the article goes to the DLQ with that reason and can be replayed from there.
                throw e;
            } catch (RuntimeException | StackOverflowError e) {
                if (attempt >= maxAttempts) {
                    throw e;
                }
                Log.warnf(e, "annotating article %s failed (attempt %d of %d); retrying", article.articleId(), attempt,
                        maxAttempts);
                sleep(backoff.multipliedBy(1L << Math.min(attempt - 1, 10)));
            }
        }
    }

    private static String keyOf(Message<?> in) {
        return in.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> m.getKey() == null ? null : m.getKey().toString())
                .orElse(null);
    }

    private Message<Record<String, ArticleAnnotated>> publish(Message<ArticleIngested> in, String key, ArticleAnnotated event) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(INSTANCE_HEADER, instanceId());
        // withPayload keeps the incoming ack and nack: the offset is committed only after Kafka acknowledged this send.
        return in.withPayload(Record.of(key, event))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withHeaders(headers).build());
    }

    private byte[] instanceId() {
        if (instanceId == null) {
            instanceId = config.instanceId().orElseGet(ArticleAnnotationProcessor::hostAndPid).getBytes(StandardCharsets.UTF_8);
        }
        return instanceId;
    }

    private static String hostAndPid() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "unknown-host";
        }
        return host + "/" + ProcessHandle.current().pid();
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted between attempts", e);
        }
    }
}
