package org.newsdesk.ingest.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.newsdesk.ingest.IngestApi.article;
import static org.newsdesk.ingest.IngestApi.as;
import static org.newsdesk.ingest.IngestApi.awaitReady;
import static org.newsdesk.ingest.IngestApi.awaitStatus;
import static org.newsdesk.ingest.IngestApi.postText;
import static org.newsdesk.ingest.IngestApi.unique;
import static org.newsdesk.ingest.IngestApi.uniqueStory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.newsdesk.contracts.ArticleIngested;
import org.newsdesk.contracts.EventJson;
import org.newsdesk.contracts.Topics;
import org.newsdesk.devstack.Devstack;
import org.newsdesk.devstack.KafkaServer;
import org.newsdesk.ingest.TopicRecords;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Never lose an accepted article: with the test stack's broker stopped, ingest still accepts and stores
 * (status RECEIVED); once the broker is back every event arrives, in order per article, and the articles
 * become PUBLISHED. The broker is restarted in a finally block so the other tests of the shared stack go on.
 */
@QuarkusTest
class KafkaOutageTest {

    private static final int ARTICLES = 6;

    @Test
    void articlesAcceptedWhileKafkaIsDownAreAllDeliveredWhenItReturns() throws Exception {
        Instant start = Instant.now().minusSeconds(5);
        KafkaServer kafka = Devstack.forProfile("test").kafka();
        List<String> ids = new ArrayList<>();
        // Positions are taken while the broker is healthy; the consumer waits through the outage.
        try (TopicRecords topic = TopicRecords.from(Topics.ARTICLES_INGESTED, start)) {
            try {
                assertThat(kafka.stop()).as("the test stack's broker was stopped").isTrue();
                assertThat(kafka.isUp()).isFalse();
                String source = unique("outage");
                for (int i = 0; i < ARTICLES; i++) {
                    ids.add(postText(uniqueStory("outage " + i), unique("outage-" + i), source)
                            .then().statusCode(202).body("status", equalTo("RECEIVED")).extract().path("id"));
                }
                // An article accepted and deleted during the outage: its tombstone must follow its event, not pass it.
                as("admin").delete("/api/v1/articles/" + ids.get(0)).then().statusCode(204);
                Thread.sleep(3000);
                for (String id : ids.subList(1, ids.size())) {
                    assertThat(article(id).getString("status")).as("nothing can be published without a broker")
                            .isEqualTo("RECEIVED");
                }
            } finally {
                kafka.start();
                kafka.awaitReady(Duration.ofMinutes(2));
            }
            for (String id : ids.subList(1, ids.size())) {
                List<ConsumerRecord<String, byte[]>> records = topic.awaitKey(id, 1, Duration.ofMinutes(2));
                assertThat(records).as("event of %s after the outage", id).hasSize(1);
                assertThat(EventJson.mapper().readValue(records.get(0).value(), ArticleIngested.class).articleId())
                        .hasToString(id);
                awaitStatus(id, Duration.ofMinutes(1), "PUBLISHED", "ANNOTATED", "INDEXED");
            }
            String deleted = ids.get(0);
            List<ConsumerRecord<String, byte[]>> deletedRecords = topic.awaitKey(deleted, 2, Duration.ofMinutes(2));
            assertThat(deletedRecords).hasSize(2);
            assertThat(deletedRecords.get(0).value()).as("the article's event first").isNotNull();
            assertThat(deletedRecords.get(1).value()).as("then its tombstone").isNull();
            assertThat(article(deleted).getString("status")).isEqualTo("DELETED");
        }
        awaitReady(); // again after the outage
    }
}
