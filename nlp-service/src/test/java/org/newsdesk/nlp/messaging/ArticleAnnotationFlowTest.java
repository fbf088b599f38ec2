package org.newsdesk.nlp.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsdesk.contracts.Annotation;
import org.newsdesk.contracts.ArticleAnnotated;
import org.newsdesk.contracts.ArticleIngested;
import org.newsdesk.contracts.EventJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The Kafka path end to end against the real broker: what goes into the ingested topic comes out of
 * {@code articles.annotated} (or {@code articles.ingested.dlq}) with the same key.
 */
@QuarkusTest
class ArticleAnnotationFlowTest {

    /** Generous: the machine is shared, and a seed article takes seconds to annotate when it is busy. */
    static final Duration PATIENCE = Duration.ofMinutes(4);

    @ConfigProperty(name = "newsdesk.nlp.annotator-version")
    String annotatorVersion;

    @ConfigProperty(name = "newsdesk.nlp.max-text-bytes")
    int maxTextBytes;

    @BeforeEach
    void serviceConsumesEveryPartition() {
        TestTopics.awaitConsumingEveryPartition();
    }

    @Test
    void ingestedSeedArticleComesOutAnnotatedWithEntitiesAndQuotesUnderTheSameKey() throws Exception {
        UUID id = UUID.randomUUID();
        String text = TestTopics.seed("001");
        ArticleIngested article = TestTopics.article(id, "President Tokayev Vows Decisive Measures", text);
        try (TestTopics.Watcher annotated = new TestTopics.Watcher("articles.annotated", TestTopics::fromThisRun)) {
            TestTopics.sendArticle(null, article);

            ConsumerRecord<String, byte[]> record = annotated.awaitKeys(Set.of(id.toString()), PATIENCE).get(id.toString());

            assertThat(record).as("an annotated event for article %s", id).isNotNull();
            JsonNode json = EventJson.mapper().readTree(record.value());
            assertThat(schema("article-annotated.v1.schema.json").validate(json)).as("schema violations").isEmpty();

            ArticleAnnotated event = EventJson.mapper().treeToValue(json, ArticleAnnotated.class);
            assertThat(event.articleId()).isEqualTo(id);
            assertThat(event.revision()).isEqualTo(1);
            assertThat(event.annotatorVersion()).isEqualTo(annotatorVersion);
            assertThat(event.article().text()).isEqualTo(text);
            Annotation annotation = event.annotation();
            assertThat(annotation.entities())
                    .as("people named in seed 001")
                    .anySatisfy(e -> {
                        assertThat(e.type()).isEqualTo(Annotation.EntityType.PERSON);
                        assertThat(e.name()).contains("Tokayev");
                    });
            assertThat(annotation.quotes()).as("quotes of seed 001").isNotEmpty();
            for (Annotation.Entity entity : annotation.entities()) {
                for (Annotation.Mention m : entity.mentions()) {
                    assertThat(text.substring(m.start(), m.end())).as("mention offsets index the clean text").isEqualTo(m.text());
                }
            }
            assertThat(annotation.embedding()).isNotEmpty();
        }
    }

    @Test
    void tombstonePassesThroughAsATombstoneUnderTheSameKey() {
        String key = UUID.randomUUID().toString();
        try (TestTopics.Watcher annotated = new TestTopics.Watcher("articles.annotated", TestTopics::fromThisRun)) {
            TestTopics.send(TestTopics.ingested(), null, key, null);

            ConsumerRecord<String, byte[]> record = annotated.awaitKeys(Set.of(key), PATIENCE).get(key);

            assertThat(record).as("a record for the deleted article %s", key).isNotNull();
            assertThat(record.value()).as("the tombstone's value").isNull();
        }
    }

    @Test
    void poisonRecordGoesToTheDlqWithAReasonWhileTheNextArticleOfItsPartitionIsAnnotated() {
        String poisonKey = UUID.randomUUID().toString();
        UUID goodId = UUID.randomUUID();
        int partition = Math.floorMod(goodId.hashCode(), TestTopics.partitions(TestTopics.ingested()));
        try (TestTopics.Watcher annotated = new TestTopics.Watcher("articles.annotated", TestTopics::fromThisRun);
                TestTopics.Watcher dlq = new TestTopics.Watcher("articles.ingested.dlq")) {
            // Same partition, poison first: if it blocked, the good article behind it would never come out.
            TestTopics.send(TestTopics.ingested(), partition, poisonKey,
                    "{\"schemaVersion\":1,\"articleId\":\"not-a-uuid\",\"text\":".getBytes(StandardCharsets.UTF_8));
            TestTopics.sendArticle(partition, TestTopics.article(goodId, "After the poison",
                    "Kazakh President Kassym-Jomart Tokayev met Russian President Vladimir Putin in Moscow on Friday."));

            ConsumerRecord<String, byte[]> dead = dlq.awaitKeys(Set.of(poisonKey), PATIENCE).get(poisonKey);
            ConsumerRecord<String, byte[]> good = annotated.awaitKeys(Set.of(goodId.toString()), PATIENCE).get(goodId.toString());

            assertThat(dead).as("the poison record in articles.ingested.dlq").isNotNull();
            assertThat(TestTopics.header(dead, "dead-letter-reason")).isNotBlank();
            assertThat(TestTopics.header(dead, "dead-letter-topic")).isEqualTo(TestTopics.ingested());
            assertThat(new String(dead.value(), StandardCharsets.UTF_8)).as("the original bytes, for replay").startsWith("{\"schemaVersion\"");
            assertThat(good).as("the good article published after the poison").isNotNull();
            assertThat(annotated.seen(Set.of(poisonKey))).as("nothing published for the poison").isEmpty();
        }
    }

    @Test
    void articleOverTheSizeCapGoesToTheDlqWithoutBeingRetried() {
        UUID id = UUID.randomUUID();
        String paragraph = "Officials in Almaty said the airport would reopen on Monday after the unrest.\n\n";
        String text = paragraph.repeat(maxTextBytes / paragraph.length() + 1);
        try (TestTopics.Watcher annotated = new TestTopics.Watcher("articles.annotated", TestTopics::fromThisRun);
                TestTopics.Watcher dlq = new TestTopics.Watcher("articles.ingested.dlq")) {
            TestTopics.sendArticle(null, TestTopics.article(id, "Too long", text));

            ConsumerRecord<String, byte[]> dead = dlq.awaitKeys(Set.of(id.toString()), PATIENCE).get(id.toString());

            assertThat(dead).as("the oversized article in the DLQ").isNotNull();
            assertThat(TestTopics.header(dead, "dead-letter-reason")).contains("limit is " + maxTextBytes);
            assertThat(TestTopics.header(dead, "dead-letter-exception-class-name")).endsWith("TextTooLargeException");
            assertThat(annotated.seen(Set.of(id.toString()))).isEmpty();
        }
    }

    @Test
    void articleUpdatesOfOneKeyComeOutInRevisionOrderEndingWithTheTombstone() throws Exception {
        UUID id = UUID.randomUUID();
        String key = id.toString();
        String text = TestTopics.seed("002");
        try (TestTopics.Watcher annotated = new TestTopics.Watcher("articles.annotated", TestTopics::fromThisRun)) {
            for (int revision = 1; revision <= 3; revision++) {
                ArticleIngested a = TestTopics.article(id, "Revision " + revision, text);
                TestTopics.sendArticle(null, new ArticleIngested(a.schemaVersion(), id, revision, a.externalId(), a.source(),
                        a.url(), a.title(), a.byline(), a.language(), a.publishedAt(), a.text(), a.contentHash(),
                        a.nearDuplicateOf(), a.ingestedAt(), a.warnings()));
            }
            TestTopics.send(TestTopics.ingested(), null, key, null);

            annotated.await(Set.of(key), r -> r.value() == null, PATIENCE);

            var records = annotated.seen(Set.of(key));
            assertThat(records).hasSize(4);
            for (int i = 0; i < 3; i++) {
                ArticleAnnotated event = EventJson.mapper().readValue(records.get(i).value(), ArticleAnnotated.class);
                assertThat(event.revision()).as("record %d", i).isEqualTo(i + 1);
            }
            assertThat(records.get(3).value()).as("the tombstone comes last").isNull();
        }
    }

    static com.networknt.schema.JsonSchema schema(String name) throws Exception {
        try (InputStream in = ArticleAnnotationFlowTest.class.getResourceAsStream("/schemas/" + name)) {
            assertThat(in).as("schema %s from the contracts jar", name).isNotNull();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
