package org.newsdesk.query.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.newsdesk.contracts.ArticleIndexed;
import org.newsdesk.contracts.EventJson;
import org.newsdesk.contracts.Topics;
import org.newsdesk.query.AnnotatedArticleBuilder;
import org.newsdesk.query.Eventually;
import org.newsdesk.query.SeedAnnotations;
import org.newsdesk.query.TestKafka;
import org.newsdesk.query.repository.Database;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AnnotatedArticleListenerTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    Database db;

    /** Rows stored about one article, table by table. */
    record Rows(int revision, Instant indexedAt, long mentions, long entities, long quotes, long dates, long facts,
                long keyphrases) {
    }

    private Rows rows(UUID id) {
        return db.one("""
                SELECT a.revision, a.indexed_at,
                  (SELECT count(*) FROM mentions WHERE article_id = a.id) AS mentions,
                  (SELECT count(*) FROM article_entities WHERE article_id = a.id) AS entities,
                  (SELECT count(*) FROM quotes WHERE article_id = a.id) AS quotes,
                  (SELECT count(*) FROM dates WHERE article_id = a.id) AS dates,
                  (SELECT count(*) FROM facts WHERE article_id = a.id) AS facts,
                  (SELECT count(*) FROM keyphrases WHERE article_id = a.id) AS keyphrases
                FROM articles a WHERE a.id = ?""", row -> new Rows(row.getInt("revision"),
                Database.instant(row, "indexed_at"), row.getLong("mentions"), row.getLong("entities"),
                row.getLong("quotes"), row.getLong("dates"), row.getLong("facts"), row.getLong("keyphrases")), id)
                .orElse(null);
    }

    private long leftovers(UUID id) {
        return db.one("""
                SELECT (SELECT count(*) FROM mentions WHERE article_id = ?) + (SELECT count(*) FROM quotes WHERE article_id = ?)
                     + (SELECT count(*) FROM facts WHERE article_id = ?) + (SELECT count(*) FROM dates WHERE article_id = ?)
                     + (SELECT count(*) FROM article_entities WHERE article_id = ?)""",
                row -> row.getLong(1), id, id, id, id, id).orElseThrow();
    }

    private Rows awaitRevision(UUID id, int revision) {
        return Eventually.await("article " + id + " at revision " + revision, WAIT, () -> rows(id),
                r -> r != null && r.revision() == revision);
    }

    @Test
    void sameEventDeliveredTwiceIsStoredOnceAndAnnouncedOnce() {
        AnnotatedArticleBuilder article = SeedAnnotations.seed002();
        UUID id = article.articleId();
        try (TestKafka.Reader indexed = new TestKafka.Reader(Topics.ARTICLES_INDEXED)) {
            TestKafka.publish(article.build());
            Rows first = awaitRevision(id, 1);

            RecordMetadata again = TestKafka.publish(article.build());
            TestKafka.awaitConsumed(again, WAIT);

            assertThat(rows(id)).isEqualTo(first);
            assertThat(first.mentions()).isGreaterThan(10);
            assertThat(first.entities()).isEqualTo(6);
            assertThat(first.quotes()).isEqualTo(1);
            assertThat(first.dates()).isEqualTo(2);
            assertThat(first.facts()).isEqualTo(3);
            assertThat(first.keyphrases()).isEqualTo(2);
            List<ConsumerRecord<String, byte[]>> announcements = indexed.awaitKey(id.toString(), 2, Duration.ofSeconds(5));
            assertThat(announcements).hasSize(1);
            ArticleIndexed event = read(announcements.get(0));
            assertThat(event.articleId()).isEqualTo(id);
            assertThat(event.revision()).isEqualTo(1);
        }
    }

    @Test
    void newerRevisionReplacesEveryRowAndAStaleOneChangesNothing() {
        AnnotatedArticleBuilder article = SeedAnnotations.seed002();
        UUID id = article.articleId();
        TestKafka.publish(article.build());
        awaitRevision(id, 1);

        // revision 2: the same text annotated with one fact only
        AnnotatedArticleBuilder revised = AnnotatedArticleBuilder.seed("002").id(id).revision(2)
                .fact("748 have been wounded", "wounded", 748, null, "police officers");
        TestKafka.publish(revised.build());
        Rows second = awaitRevision(id, 2);
        RecordMetadata stale = TestKafka.publish(article.build());
        TestKafka.awaitConsumed(stale, WAIT);

        assertThat(second.facts()).isEqualTo(1);
        assertThat(second.quotes()).isZero();
        assertThat(second.mentions()).isZero();
        assertThat(rows(id)).isEqualTo(second);
    }

    @Test
    void reannotationOfTheSameRevisionReplacesTheRows() {
        AnnotatedArticleBuilder article = SeedAnnotations.seed003();
        UUID id = article.articleId();
        TestKafka.publish(article.build());
        Rows first = awaitRevision(id, 1);

        AnnotatedArticleBuilder reannotated = SeedAnnotations.seed003().id(id)
                .annotated("hand-2", Instant.parse("2026-02-01T00:00:00Z"))
                .date("October 26, 2022", "2022-10-26", "DATE");
        TestKafka.publish(reannotated.build());
        Rows second = Eventually.await("re-annotation stored", WAIT, () -> rows(id), r -> r.dates() == 1);

        assertThat(first.dates()).isZero();
        assertThat(second.mentions()).isEqualTo(first.mentions());
    }

    @Test
    void tombstoneRemovesTheArticleAndEveryRowAboutIt() {
        AnnotatedArticleBuilder article = SeedAnnotations.seed002();
        UUID id = article.articleId();
        TestKafka.publish(article.build());
        awaitRevision(id, 1);
        assertThat(leftovers(id)).isPositive();

        TestKafka.tombstone(id);

        Eventually.await("article " + id + " deleted", WAIT, () -> rows(id), r -> r == null);
        assertThat(leftovers(id)).isZero();
    }

    @Test
    void unreadableEventGoesToTheDeadLetterTopicAndTheNextEventIsIndexed() {
        String poisonKey = UUID.randomUUID().toString();
        AnnotatedArticleBuilder next = SeedAnnotations.seed003();
        try (TestKafka.Reader dlq = new TestKafka.Reader(Topics.ARTICLES_ANNOTATED_DLQ)) {
            TestKafka.send(poisonKey, "{\"schemaVersion\": 1, \"articleId\": \"not-a-uuid\"".getBytes(StandardCharsets.UTF_8));
            String mismatched = UUID.randomUUID().toString();
            TestKafka.send(mismatched, bytes(next.id(UUID.randomUUID()).build()));
            TestKafka.publish(next.build());

            awaitRevision(next.articleId(), 1);
            List<ConsumerRecord<String, byte[]>> dead = dlq.awaitKey(poisonKey, 1, WAIT);
            assertThat(dead).hasSize(1);
            assertThat(new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                    .contains("unreadable ArticleAnnotated");
            assertThat(dlq.awaitKey(mismatched, 1, WAIT)).hasSize(1);
        }
    }

    private static byte[] bytes(Object event) {
        try {
            return EventJson.mapper().writeValueAsBytes(event);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ArticleIndexed read(ConsumerRecord<String, byte[]> record) {
        try {
            return EventJson.mapper().readValue(record.value(), ArticleIndexed.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
