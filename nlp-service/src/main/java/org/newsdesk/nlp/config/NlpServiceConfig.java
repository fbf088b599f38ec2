package org.newsdesk.nlp.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The settings of nlp-service itself ({@code newsdesk.nlp.*}); the Kafka channels keep their own
 * {@code mp.messaging.*} keys. It must never hold NLP model settings: those belong to the annotation package.
 */
@ConfigMapping(prefix = "newsdesk.nlp")
public interface NlpServiceConfig {

    /** Written into every {@code ArticleAnnotated}, so consumers can tell which annotator produced an event. */
    String annotatorVersion();

    /** Texts longer than this many UTF-8 bytes are refused: 413 over HTTP, the DLQ on Kafka. */
    @WithDefault("1048576")
    int maxTextBytes();

    /** Texts to embed ({@code POST /api/v1/embed}: search queries) longer than this many UTF-8 bytes are refused with 413. */
    @WithDefault("8192")
    int maxEmbedBytes();

    /** Names this instance in the {@code newsdesk-instance} header of what it publishes; host and pid when unset. */
    Optional<String> instanceId();

    Http http();

    Messaging messaging();

    interface Http {
        /** How many synchronous annotations run at once; the Kafka workers have their own pool. */
        @WithDefault("2")
        int concurrency();

        /** How long a request waits for a free slot before it is answered 503. */
        @WithDefault("30s")
        Duration queueTimeout();
    }

    interface Messaging {
        /** Attempts per article before it goes to the DLQ; a text over the size cap goes there at once. */
        @WithDefault("3")
        int maxAttempts();

        /** Pause before the second attempt; doubled before each further one. */
        @WithDefault("500ms")
        Duration retryBackoff();
    }
}
