package org.newsdesk.query.messaging;

import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.newsdesk.contracts.ArticleAnnotated;
import org.newsdesk.contracts.ArticleIndexed;
import org.newsdesk.contracts.EventJson;
import org.newsdesk.query.config.QueryConfig;
import org.newsdesk.query.semantic.SemanticIndex;
import org.newsdesk.query.service.ArticleIndexer;

import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;

/**
 * Consumes {@code articles.annotated}: indexes each article, removes it on a tombstone, and announces
 * {@code articles.indexed} when an article became queryable. An event that cannot be read, or that still
 * fails after the configured attempts, is rejected and goes to {@code articles.annotated.dlq} with the
 * reason; the consumer goes on with the next one. It never swallows a failure silently.
 */
@ApplicationScoped
public class AnnotatedArticleListener {

    @Inject
    ArticleIndexer indexer;

    @Inject
    QueryConfig config;

    @Inject
    SemanticIndex semanticIndex;

    @Inject
    @Channel("articles-indexed")
    MutinyEmitter<Record<String, ArticleIndexed>> indexed;

    @Incoming("articles-annotated")
    @Blocking
    public void onAnnotated(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null || record.value().length == 0) {
            UUID articleId = articleId(record.key());
            ArticleIndexer.Outcome outcome = withRetries(() -> indexer.delete(articleId), record);
            if (outcome == ArticleIndexer.Outcome.DELETED) {
                semanticIndex.changed(articleId);
            }
            Log.infof("tombstone for article %s: %s", articleId, outcome);
            return;
        }
        ArticleAnnotated event = read(record);
        ArticleIndexer.Outcome outcome = withRetries(() -> indexer.index(event), record);
        if (outcome == ArticleIndexer.Outcome.INDEXED) {
            semanticIndex.changed(event.articleId()); // committed: the next semantic search loads its vectors
            indexed.sendAndAwait(Record.of(event.articleId().toString(), new ArticleIndexed(ArticleIndexed.SCHEMA_VERSION,
                    event.articleId(), event.revision(), Instant.now())));
        }
        Log.debugf("article %s revision %d: %s", event.articleId(), event.revision(), outcome);
    }

    private static ArticleAnnotated read(ConsumerRecord<String, byte[]> record) {
        ArticleAnnotated event;
        try {
            event = EventJson.mapper().readValue(record.value(), ArticleAnnotated.class);
        } catch (IOException e) {
            throw new PoisonEventException("unreadable ArticleAnnotated at offset " + record.offset() + ": "
                    + e.getMessage(), e);
        }
        if (event.schemaVersion() != ArticleAnnotated.SCHEMA_VERSION) {
            throw new PoisonEventException("unsupported schemaVersion " + event.schemaVersion(), null);
        }
        if (event.articleId() == null || event.article() == null || event.article().text() == null) {
            throw new PoisonEventException("ArticleAnnotated without articleId, article or text", null);
        }
        if (record.key() != null && !record.key().equals(event.articleId().toString())) {
            throw new PoisonEventException("key " + record.key() + " is not the articleId " + event.articleId(), null);
        }
        return event;
    }

    private static UUID articleId(String key) {
        try {
            return UUID.fromString(key);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PoisonEventException("tombstone with a key that is no article id: " + key, e);
        }
    }

    /** Runs the work up to the configured attempts with a growing pause; the last failure propagates. */
    private <T> T withRetries(java.util.function.Supplier<T> work, ConsumerRecord<String, byte[]> record) {
        int attempts = Math.max(1, config.consumer().maxAttempts());
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (attempt >= attempts) {
                    Log.errorf(e, "giving up on %s[%d]@%d after %d attempts", record.topic(), record.partition(),
                            record.offset(), attempt);
                    throw e;
                }
                Log.warnf("attempt %d on %s[%d]@%d failed (%s); retrying", attempt, record.topic(), record.partition(),
                        record.offset(), e.getMessage());
                try {
                    Thread.sleep(config.consumer().retryBackoff().toMillis() * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
