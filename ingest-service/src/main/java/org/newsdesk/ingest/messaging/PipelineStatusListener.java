package org.newsdesk.ingest.messaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.newsdesk.contracts.EventJson;
import org.newsdesk.contracts.Topics;
import org.newsdesk.ingest.repository.ArticleStatus;
import org.newsdesk.ingest.service.PipelineStatusService;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;

/**
 * Follows the later pipeline stages so that {@code GET /api/v1/articles/{id}} shows where an article is:
 * {@code articles.annotated} → ANNOTATED, {@code articles.indexed} → INDEXED, and either dead-letter topic →
 * FAILED with the record's {@code dead-letter-reason} header.
 * <p>
 * It reads only the article id (the record key, else {@code articleId}) and {@code revision} from each value, so a
 * large annotation costs no binding and a newer schema still works. A record it cannot read is logged and skipped:
 * it must never stop the channel, because status is a view of the pipeline, not part of it.
 */
@ApplicationScoped
public class PipelineStatusListener {

    static final String DEAD_LETTER_REASON = "dead-letter-reason";
    private static final int ATTEMPTS = 3;

    @Inject
    PipelineStatusService statuses;

    @Incoming("pipeline-status")
    @Blocking
    public void onRecord(ConsumerRecord<String, byte[]> record) {
        ArticleStatus status = statusFor(record.topic());
        if (status == null || (record.value() == null && status != ArticleStatus.FAILED)) {
            return; // a tombstone passing through: the article's deletion is already recorded here
        }
        JsonNode value = readValue(record);
        UUID articleId = articleId(record.key(), value);
        if (articleId == null) {
            Log.warnf("ignoring a record on %s without an article id (offset %d)", record.topic(), record.offset());
            return;
        }
        Integer revision = value != null && value.path("revision").canConvertToInt() && value.has("revision")
                ? value.get("revision").asInt() : null;
        String reason = status == ArticleStatus.FAILED ? reason(record) : null;
        for (int attempt = 1; ; attempt++) {
            try {
                statuses.advance(articleId, revision, status, reason);
                return;
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS) {
                    Log.errorf(e, "could not record %s for article %s; skipping the event", status, articleId);
                    return;
                }
                sleep(attempt * 500L);
            }
        }
    }

    static ArticleStatus statusFor(String topic) {
        return switch (topic) {
            case Topics.ARTICLES_ANNOTATED -> ArticleStatus.ANNOTATED;
            case Topics.ARTICLES_INDEXED -> ArticleStatus.INDEXED;
            case Topics.ARTICLES_INGESTED_DLQ, Topics.ARTICLES_ANNOTATED_DLQ -> ArticleStatus.FAILED;
            default -> null;
        };
    }

    private static JsonNode readValue(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null || record.value().length == 0) {
            return null;
        }
        try {
            return EventJson.mapper().readTree(record.value());
        } catch (IOException e) {
            Log.debugf("value on %s at offset %d is not JSON: %s", record.topic(), record.offset(), e.getMessage());
            return null;
        }
    }

    private static UUID articleId(String key, JsonNode value) {
        UUID id = uuid(key);
        if (id == null && value != null && value.path("articleId").isTextual()) {
            id = uuid(value.get("articleId").asText());
        }
        return id;
    }

    private static UUID uuid(String text) {
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String reason(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(DEAD_LETTER_REASON);
        String reason = header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        String stage = record.topic().equals(Topics.ARTICLES_INGESTED_DLQ) ? "annotation" : "indexing";
        return stage + " failed: " + (reason == null || reason.isBlank() ? "no reason given" : reason);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
