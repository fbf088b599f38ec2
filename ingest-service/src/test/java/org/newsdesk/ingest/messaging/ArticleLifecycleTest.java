package org.newsdesk.ingest.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.newsdesk.ingest.IngestApi.article;
import static org.newsdesk.ingest.IngestApi.as;
import static org.newsdesk.ingest.IngestApi.awaitStatus;
import static org.newsdesk.ingest.IngestApi.postText;
import static org.newsdesk.ingest.IngestApi.unique;
import static org.newsdesk.ingest.IngestApi.uniqueStory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.newsdesk.contracts.ArticleIngested;
import org.newsdesk.contracts.EventJson;
import org.newsdesk.contracts.Topics;
import org.newsdesk.ingest.PipelineEvents;
import org.newsdesk.ingest.TopicRecords;
import org.newsdesk.ingest.repository.ArticleStatus;
import org.newsdesk.ingest.service.PipelineStatusService;

import io.quarkus.test.junit.QuarkusTest;

/**
 * What happens to an article after it is accepted: delete sends a tombstone, reprocess publishes revision 2, and
 * the status follows the later stages' topics (forward only, per revision) and the dead-letter topics.
 */
@QuarkusTest
class ArticleLifecycleTest {

    @Inject
    PipelineStatusService statuses;

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static String publishedArticle(String topic) {
        String id = postText(uniqueStory(topic), unique(topic), unique(topic)).then().statusCode(202).extract().path("id");
        awaitStatus(id, TIMEOUT, "PUBLISHED", "ANNOTATED", "INDEXED");
        return id;
    }

    @Test
    void deleteSendsATombstoneWithTheSameKeyAndFreesTheText() {
        String story = uniqueStory("tombstone");
        try (TopicRecords topic = TopicRecords.from(Topics.ARTICLES_INGESTED, Instant.now().minusSeconds(5))) {
            String id = postText(story, unique("del"), unique("del")).then().statusCode(202).extract().path("id");
            awaitStatus(id, TIMEOUT, "PUBLISHED", "ANNOTATED", "INDEXED");
            as("admin").delete("/api/v1/articles/" + id).then().statusCode(204);
            as("admin").delete("/api/v1/articles/" + id).then().statusCode(204);
            List<ConsumerRecord<String, byte[]>> records = topic.awaitKey(id, 2, TIMEOUT);
            assertThat(records).hasSize(2);
            assertThat(records.get(0).value()).isNotNull();
            assertThat(records.get(1).value()).as("tombstone").isNull();
            assertThat(topic.drain(r -> id.equals(r.key()), Duration.ofSeconds(2))).as("deleting twice sends one tombstone")
                    .hasSize(2);
            assertThat(article(id).getString("status")).isEqualTo("DELETED");
            // The text of a deleted article is no longer a duplicate of anything.
            postText(story, unique("del-again"), unique("del")).then().statusCode(202)
                    .body("id", org.hamcrest.Matchers.not(equalTo(id)));
        }
        as("admin").delete("/api/v1/articles/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void reprocessPublishesRevisionTwo() throws Exception {
        try (TopicRecords topic = TopicRecords.from(Topics.ARTICLES_INGESTED, Instant.now().minusSeconds(5))) {
            String id = publishedArticle("reprocess");
            as("admin").post("/api/v1/articles/" + id + ":reprocess").then().statusCode(202)
                    .body("id", equalTo(id)).body("status", equalTo("RECEIVED"));
            List<ConsumerRecord<String, byte[]>> records = topic.awaitKey(id, 2, TIMEOUT);
            assertThat(records).hasSize(2);
            ArticleIngested first = EventJson.mapper().readValue(records.get(0).value(), ArticleIngested.class);
            ArticleIngested second = EventJson.mapper().readValue(records.get(1).value(), ArticleIngested.class);
            assertThat(first.revision()).isEqualTo(1);
            assertThat(second.revision()).isEqualTo(2);
            assertThat(second.text()).isEqualTo(first.text());
            assertThat(awaitStatus(id, TIMEOUT, "PUBLISHED", "ANNOTATED", "INDEXED").getInt("revision")).isEqualTo(2);
        }
        as("admin").post("/api/v1/articles/" + UUID.randomUUID() + ":reprocess").then().statusCode(404);
    }

    /** The article's {@code ArticleIngested} event as the relay published it. */
    private static ArticleIngested publishedEvent(TopicRecords topic, String id) throws Exception {
        List<ConsumerRecord<String, byte[]>> records = topic.awaitKey(id, 1, TIMEOUT);
        assertThat(records).as("event of %s", id).isNotEmpty();
        return EventJson.mapper().readValue(records.get(records.size() - 1).value(), ArticleIngested.class);
    }

    /*
     * The topics are shared: while another module's tests run, a real nlp-service or query-service may act on these
     * articles too. The Kafka tests below therefore only assert what no legitimate event can undo; the exact
     * forward-only and per-revision rules are checked deterministically on the service further down.
     */

    @Test
    void statusFollowsAnnotatedThenIndexedAndALateAnnotatedNeverGoesBack() throws Exception {
        try (TopicRecords topic = TopicRecords.from(Topics.ARTICLES_INGESTED, Instant.now().minusSeconds(5));
                PipelineEvents pipeline = new PipelineEvents()) {
            String id = publishedArticle("follow");
            ArticleIngested event = publishedEvent(topic, id);
            pipeline.annotated(event);
            awaitStatus(id, TIMEOUT, "ANNOTATED", "INDEXED");
            pipeline.indexed(event.articleId(), 1);
            awaitStatus(id, TIMEOUT, "INDEXED");
            pipeline.annotated(event);
            Thread.sleep(3000);
            assertThat(article(id).getString("status")).isEqualTo("INDEXED");
        }
    }

    @Test
    void deadLetterMarksTheArticleFailedWithTheReason() throws Exception {
        try (TopicRecords topic = TopicRecords.from(Topics.ARTICLES_INGESTED, Instant.now().minusSeconds(5));
                PipelineEvents pipeline = new PipelineEvents()) {
            UUID id = UUID.fromString(publishedArticle("dlq"));
            byte[] original = topic.awaitKey(id.toString(), 1, TIMEOUT).get(0).value();
            pipeline.deadLetter(Topics.ARTICLES_INGESTED_DLQ, id, original, "NER model ran out of memory");
            var failed = awaitStatus(id.toString(), TIMEOUT, "FAILED");
            assertThat(failed.getString("failureReason")).contains("NER model ran out of memory").contains("annotation");

            UUID other = UUID.fromString(publishedArticle("dlq-index"));
            pipeline.deadLetter(Topics.ARTICLES_ANNOTATED_DLQ, other, "{\"revision\":1}".getBytes(),
                    "index mapping rejected the document");
            assertThat(awaitStatus(other.toString(), TIMEOUT, "FAILED").getString("failureReason"))
                    .contains("index mapping rejected the document").contains("indexing");
        }
    }

    @Test
    void statusMovesOnlyForwardAndOnlyForTheCurrentRevision() {
        UUID id = UUID.fromString(postText(uniqueStory("forward"), unique("forward"), unique("forward"))
                .then().statusCode(202).extract().path("id"));
        awaitStatus(id.toString(), TIMEOUT, "PUBLISHED", "ANNOTATED", "INDEXED");
        as("admin").post("/api/v1/articles/" + id + ":reprocess").then().statusCode(202);
        assertThat(statuses.advance(id, 1, ArticleStatus.INDEXED, null)).as("a revision-1 event after reprocess").isFalse();
        assertThat(statuses.advance(id, 2, ArticleStatus.ANNOTATED, null)).isTrue();
        assertThat(statuses.advance(id, 2, ArticleStatus.PUBLISHED, null)).as("backwards").isFalse();
        assertThat(statuses.advance(id, 2, ArticleStatus.INDEXED, null)).isTrue();
        assertThat(statuses.advance(id, 2, ArticleStatus.ANNOTATED, null)).as("a late ANNOTATED").isFalse();
        assertThat(statuses.advance(id, null, ArticleStatus.INDEXED, null)).as("already there").isFalse();
        assertThat(statuses.advance(id, 1, ArticleStatus.FAILED, "stale failure")).as("FAILED for an older revision").isFalse();
        assertThat(article(id.toString()).getString("status")).isEqualTo("INDEXED");
        assertThat(statuses.advance(UUID.randomUUID(), null, ArticleStatus.FAILED, "x")).as("unknown article").isFalse();
        // a dead letter for the current revision fails it even after INDEXED, and a newer reason replaces an older one
        assertThat(statuses.advance(id, 2, ArticleStatus.FAILED, "late failure")).as("FAILED after INDEXED").isTrue();
        assertThat(statuses.advance(id, 2, ArticleStatus.ANNOTATED, null)).as("a late ANNOTATED after FAILED").isFalse();
        assertThat(statuses.advance(id, 2, ArticleStatus.INDEXED, null)).as("a late INDEXED after FAILED").isFalse();
        assertThat(statuses.advance(id, null, ArticleStatus.FAILED, "second failure")).isTrue();
        var stored = article(id.toString());
        assertThat(stored.getString("status")).isEqualTo("FAILED");
        assertThat(stored.getString("failureReason")).isEqualTo("second failure");
        assertThat(stored.getInt("revision")).isEqualTo(2);
        assertThat(statuses.advance(id, 3, ArticleStatus.FAILED, "a newer revision")).as("newer than stored").isTrue();
        assertThat(article(id.toString()).getInt("revision")).as("the revision itself is ingest's").isEqualTo(2);
        as("admin").delete("/api/v1/articles/" + id).then().statusCode(204);
        assertThat(statuses.advance(id, 2, ArticleStatus.FAILED, "after delete")).as("DELETED is final").isFalse();
    }

    @Test
    void anEventTooLargeForTheTopicFailsTheArticleInsteadOfBlockingIt() throws Exception {
        // The topic takes every event ingest can produce (LargeArticleEventTest), so this lowers its limit for the
        // test: ~2.6 MB of random words, even compressed, is then over the broker's limit and can never be published.
        java.util.Random random = new java.util.Random();
        StringBuilder text = new StringBuilder("Very long report\n\n");
        while (text.length() < 2_600_000) {
            for (int w = 0; w < 80; w++) {
                int length = 3 + random.nextInt(8);
                for (int c = 0; c < length; c++) {
                    text.append((char) ('a' + random.nextInt(26)));
                }
                text.append(' ');
            }
            text.append(".\n\n");
        }
        try (TopicLimit limit = TopicLimit.lower(Topics.ARTICLES_INGESTED, 1024 * 1024)) {
            String id = postText(text.toString(), unique("huge"), unique("huge")).then().statusCode(202).extract().path("id");
            var failed = awaitStatus(id, TIMEOUT, "FAILED");
            assertThat(failed.getString("failureReason")).contains("publishing failed");
        }
        // The outbox moved on: a normal article behind it is still published.
        publishedArticle("after-huge");
    }

    @Test
    void aDeadLetterForTheCurrentRevisionFailsAnIndexedArticleOverKafka() throws Exception {
        try (TopicRecords topic = TopicRecords.from(Topics.ARTICLES_INGESTED, Instant.now().minusSeconds(5));
                PipelineEvents pipeline = new PipelineEvents()) {
            String id = publishedArticle("poison-after-indexed");
            ArticleIngested event = publishedEvent(topic, id);
            pipeline.indexed(event.articleId(), event.revision());
            awaitStatus(id, TIMEOUT, "INDEXED");
            // a poison copy of the same revision: valid envelope, broken payload, dead-lettered by nlp-service
            pipeline.deadLetter(Topics.ARTICLES_INGESTED_DLQ, event.articleId(),
                    ("{\"articleId\":\"" + id + "\",\"revision\":" + event.revision() + ",\"text\":{\"oops\":true}}").getBytes(),
                    "payload is not an ArticleIngested: text must be a string");
            var failed = awaitStatus(id, TIMEOUT, "FAILED");
            assertThat(failed.getString("failureReason")).contains("annotation failed").contains("text must be a string");
            assertThat(failed.getInt("revision")).isEqualTo(event.revision());
        }
    }

    /** Sets a topic's max.message.bytes for the length of a test and restores the devstack's value afterwards. */
    private record TopicLimit(org.apache.kafka.clients.admin.Admin admin, String topic, String previous) implements AutoCloseable {

        static TopicLimit lower(String topic, int bytes) throws Exception {
            java.util.Properties props = new java.util.Properties();
            props.put("bootstrap.servers", org.newsdesk.devstack.Devstack.forProfile("test").settings().kafkaBootstrap());
            var admin = org.apache.kafka.clients.admin.Admin.create(props);
            var resource = new org.apache.kafka.common.config.ConfigResource(org.apache.kafka.common.config.ConfigResource.Type.TOPIC, topic);
            String previous = admin.describeConfigs(List.of(resource)).all().get(30, java.util.concurrent.TimeUnit.SECONDS)
                    .get(resource).get("max.message.bytes").value();
            TopicLimit limit = new TopicLimit(admin, topic, previous);
            limit.set(Integer.toString(bytes));
            return limit;
        }

        void set(String value) throws Exception {
            var resource = new org.apache.kafka.common.config.ConfigResource(org.apache.kafka.common.config.ConfigResource.Type.TOPIC, topic);
            admin.incrementalAlterConfigs(java.util.Map.of(resource, List.of(new org.apache.kafka.clients.admin.AlterConfigOp(
                    new org.apache.kafka.clients.admin.ConfigEntry("max.message.bytes", value),
                    org.apache.kafka.clients.admin.AlterConfigOp.OpType.SET)))).all().get(30, java.util.concurrent.TimeUnit.SECONDS);
        }

        @Override
        public void close() throws Exception {
            try {
                set(previous);
            } finally {
                admin.close();
            }
        }
    }
}
