package org.newsdesk.nlp.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;
import org.newsdesk.contracts.Annotation;
import org.newsdesk.contracts.ArticleAnnotated;
import org.newsdesk.contracts.ArticleIngested;
import org.newsdesk.nlp.config.NlpServiceConfig;
import org.newsdesk.nlp.service.AnnotationService;
import org.newsdesk.nlp.service.TextTooLargeException;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.reactive.messaging.kafka.Record;

/**
 * The processor's retry rules without Kafka: a failure that may pass is retried a bounded number of times, a failure
 * that cannot pass is not retried, and a record that cannot be annotated is nacked (the DLQ), never thrown.
 */
class ArticleAnnotationRetryTest {

    static final ArticleIngested ARTICLE = TestTopics.article(UUID.randomUUID(), "Retry",
            "Kassym-Jomart Tokayev spoke in Almaty on Friday.");

    /** An annotation service whose first {@code failures} calls throw {@code failure}. */
    static final class FlakyAnnotations extends AnnotationService {
        final AtomicInteger calls = new AtomicInteger();
        final int failures;
        final RuntimeException failure;

        FlakyAnnotations(int failures, RuntimeException failure) {
            this.failures = failures;
            this.failure = failure;
        }

        @Override
        public ArticleAnnotated annotateArticle(ArticleIngested article) {
            if (calls.incrementAndGet() <= failures) {
                throw failure;
            }
            Annotation empty = new Annotation("en", List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                    new float[0], List.of(), List.of());
            return new ArticleAnnotated(1, article.articleId(), article.revision(), "test", Instant.now(), article, empty);
        }
    }

    static ArticleAnnotationProcessor processor(AnnotationService annotations, int maxAttempts) {
        ArticleAnnotationProcessor p = new ArticleAnnotationProcessor();
        p.annotations = annotations;
        p.registry = new SimpleMeterRegistry();
        p.config = new NlpServiceConfig() {
            public String annotatorVersion() {
                return "test";
            }

            public int maxTextBytes() {
                return 1_000_000;
            }

            public int maxEmbedBytes() {
                return 8192;
            }

            public Optional<String> instanceId() {
                return Optional.of("retry-test");
            }

            public Http http() {
                throw new UnsupportedOperationException();
            }

            public Messaging messaging() {
                return new Messaging() {
                    public int maxAttempts() {
                        return maxAttempts;
                    }

                    public Duration retryBackoff() {
                        return Duration.ofMillis(1);
                    }
                };
            }
        };
        return p;
    }

    /** A message of {@code article} that remembers why it was nacked. */
    static Message<ArticleIngested> message(ArticleIngested article, AtomicReference<Throwable> nacked) {
        return Message.of(article).withNack(reason -> {
            nacked.set(reason);
            return CompletableFuture.completedFuture(null);
        });
    }

    @Test
    void transientFailureIsRetriedAndTheArticleIsPublishedUnderItsId() {
        FlakyAnnotations flaky = new FlakyAnnotations(2, new IllegalStateException("ONNX session busy"));
        AtomicReference<Throwable> nacked = new AtomicReference<>();

        Message<Record<String, ArticleAnnotated>> out = processor(flaky, 3).annotate(message(ARTICLE, nacked));

        assertThat(flaky.calls).hasValue(3);
        assertThat(nacked).hasNullValue();
        assertThat(out.getPayload().key()).isEqualTo(ARTICLE.articleId().toString());
        assertThat(out.getPayload().value().articleId()).isEqualTo(ARTICLE.articleId());
    }

    @Test
    void persistentFailureIsNackedAfterMaxAttemptsSoTheRecordIsDeadLettered() {
        FlakyAnnotations flaky = new FlakyAnnotations(Integer.MAX_VALUE, new IllegalStateException("CoreNLP broke"));
        ArticleAnnotationProcessor processor = processor(flaky, 3);
        AtomicReference<Throwable> nacked = new AtomicReference<>();

        Message<Record<String, ArticleAnnotated>> out = processor.annotate(message(ARTICLE, nacked));

        assertThat(out).as("nothing published").isNull();
        assertThat(nacked.get()).hasMessage("CoreNLP broke");
        assertThat(flaky.calls).hasValue(3);
        assertThat(processor.registry.counter("newsdesk.articles.dead.lettered").count()).isEqualTo(1.0);
    }

    @Test
    void textOverTheCapIsNackedWithoutARetry() {
        FlakyAnnotations flaky = new FlakyAnnotations(Integer.MAX_VALUE, new TextTooLargeException(2_000_000, 1_000_000));
        AtomicReference<Throwable> nacked = new AtomicReference<>();

        assertThat(processor(flaky, 3).annotate(message(ARTICLE, nacked))).isNull();

        assertThat(nacked.get()).isInstanceOf(TextTooLargeException.class);
        assertThat(flaky.calls).hasValue(1);
    }

    @Test
    void articleOfANewerSchemaVersionIsNackedWithoutAnnotating() {
        FlakyAnnotations flaky = new FlakyAnnotations(0, null);
        ArticleIngested future = new ArticleIngested(2, ARTICLE.articleId(), 1, null, null, null, null, null, "en", null,
                "text", null, null, null, null);
        AtomicReference<Throwable> nacked = new AtomicReference<>();

        assertThat(processor(flaky, 3).annotate(message(future, nacked))).isNull();

        assertThat(nacked.get()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schema version 2");
        assertThat(flaky.calls).hasValue(0);
    }
}
