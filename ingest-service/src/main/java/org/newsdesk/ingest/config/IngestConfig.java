package org.newsdesk.ingest.config;

import java.time.Duration;
import java.util.List;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Everything an operator may tune about ingest, under {@code newsdesk.ingest.*}. Defaults are the values the
 * issue asks for; the service must never read these keys anywhere else.
 */
@ConfigMapping(prefix = "newsdesk.ingest")
public interface IngestConfig {

    /** Largest single article body (a POST, one batch line, one uploaded file); larger answers 413. */
    @WithDefault("5M")
    MemorySize maxArticleSize();

    /** Estimated Jaccard similarity at which an article is marked as a near duplicate of a stored one. */
    @WithDefault("0.8")
    double nearDuplicateThreshold();

    /** ISO 639-1 codes language detection chooses among. */
    @WithDefault("en,ru,kk,ar,fr,de,es,uk,tr,zh")
    List<String> languages();

    /** Threads that clean and fingerprint the lines of one batch in parallel; 0 = one per core. */
    @WithDefault("0")
    int batchParallelism();

    Relay relay();

    /** The outbox relay that moves accepted articles to Kafka. */
    interface Relay {

        /** Outbox rows claimed and sent per round. */
        @WithDefault("200")
        int batchSize();

        /** How often the relay looks for rows when nobody woke it up. */
        @WithDefault("1s")
        Duration pollInterval();

        /** First retry delay after Kafka refused or timed out; doubles per attempt up to {@link #maxBackoff()}. */
        @WithDefault("500ms")
        Duration minBackoff();

        @WithDefault("15s")
        Duration maxBackoff();

        /** How long one round waits for the broker's acknowledgements before it gives up and retries later. */
        @WithDefault("15s")
        Duration sendTimeout();

        /** Sent rows older than this are deleted; the article table keeps the history that matters. */
        @WithDefault("7d")
        Duration keepSent();
    }
}
