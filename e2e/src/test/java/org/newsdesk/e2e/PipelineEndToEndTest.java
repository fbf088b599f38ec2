package org.newsdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.newsdesk.contracts.Topics;
import org.newsdesk.devstack.ProjectLayout;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.response.Response;

/**
 * The whole pipeline, as an operator runs it: packaged services in their own processes, two NLP workers in
 * one consumer group, real Kafka, PostgreSQL and Keycloak. Every scenario ends with the same exact count:
 * each accepted article is INDEXED once, none is lost, none is indexed twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineEndToEndTest {

    static final Duration SETTLE = Duration.ofMinutes(10);
    final int batch = Integer.getInteger("e2e.batch", 40);
    final PipelineHarness harness = new PipelineHarness();
    final Map<String, PipelineHarness.Sent> seeds = new HashMap<>();
    int corpusCursor = 0;

    @BeforeAll
    void startSuite() throws Exception {
        harness.start();
    }

    @AfterAll
    void stopSuite() throws Exception {
        harness.stop();
    }

    @Test
    @Order(1)
    void seedsAnswerTheNewsroomsQuestions() throws Exception {
        String source = "seeds-" + harness.runId;
        try (Stream<Path> files = Files.list(ProjectLayout.root().resolve("seeds"))) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                String externalId = name.substring(0, name.lastIndexOf('.'));
                seeds.put(externalId.substring(0, 3), harness.send(externalId, source, null, Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        assertThat(seeds).hasSize(5);
        List<String> ids = seeds.values().stream().map(PipelineHarness.Sent::id).toList();
        assertThat(harness.awaitSettled(ids, SETTLE).values()).containsOnly("INDEXED");
        assertThat(harness.indexedIds(source)).containsExactlyInAnyOrderElementsOf(ids);

        // Tokayev is one entity, his spellings are aliases, and he is in all five articles.
        JsonNode candidates = PipelineHarness.JSON.readTree(harness.queryApi("/api/v1/entities", "q", "Tokayev", "type", "PERSON")
                .then().statusCode(200).extract().asString());
        JsonNode tokayev = null;
        for (JsonNode c : candidates.path("items")) {
            if (c.path("name").asText().contains("Tokayev") && (tokayev == null || c.path("articleCount").asLong() > tokayev.path("articleCount").asLong())) {
                tokayev = c;
            }
        }
        assertThat(tokayev).as("a Tokayev entity in %s", candidates).isNotNull();
        JsonNode profile = PipelineHarness.JSON.readTree(harness.queryApi("/api/v1/entities/" + tokayev.path("id").asLong())
                .then().statusCode(200).extract().asString());
        List<String> aliases = new ArrayList<>();
        profile.path("aliases").forEach(a -> aliases.add(a.path("alias").asText()));
        assertThat(aliases).as("aliases of %s", profile.path("name")).contains("Kassym-Jomart Tokayev", "Kassym-Zhomart Tokayev");
        assertThat(profile.path("articleCount").asLong()).isEqualTo(5);

        // His quotes: the dash-introduced ones of seed 001 and the quoted appeal of seed 004.
        JsonNode quotes = PipelineHarness.JSON.readTree(harness.queryApi("/api/v1/quotes", "speaker", tokayev.path("id").asText(), "size", "100")
                .then().statusCode(200).extract().asString());
        Set<String> quotedIn = new HashSet<>();
        List<String> texts = new ArrayList<>();
        quotes.path("items").forEach(q -> {
            quotedIn.add(q.path("article").path("id").asText());
            texts.add(q.path("text").asText());
        });
        assertThat(quotedIn).contains(seeds.get("001").id(), seeds.get("004").id());
        assertThat(texts).anyMatch(t -> t.contains("counter-terrorist operation"));
        assertThat(texts).anyMatch(t -> t.contains("Today I appealed to the heads of CSTO states"));

        // Full-text search finds both articles about the gas price protests.
        JsonNode search = PipelineHarness.JSON.readTree(harness.queryApi("/api/v1/search", "q", "liquefied gas", "source", source)
                .then().statusCode(200).extract().asString());
        List<String> found = new ArrayList<>();
        search.path("items").forEach(i -> found.add(i.path("id").asText()));
        assertThat(found).contains(seeds.get("001").id(), seeds.get("004").id());

        // Seed 004 carries its body three times; it is stored once.
        String clean = harness.ingestArticle(seeds.get("004").id()).path("cleanText").asText();
        String firstBodySentence = "Kazakh President Kassym-Zhomart Tokayev appealed to the heads of member states";
        assertThat(clean.split(java.util.regex.Pattern.quote(firstBodySentence), -1)).hasSize(2);
    }

    @Test
    @Order(2)
    void aBatchIsIndexedExactlyOnceAndBothWorkersShareIt() throws Exception {
        assumeTrue(Files.isRegularFile(PipelineHarness.corpus()), "the BBC corpus is not beside the checkout");
        try (InstanceTally tally = new InstanceTally(harness)) {
            Batch sent = sendBatch("batch");
            assertExactlyIndexed(sent);
            Map<String, Integer> byInstance = tally.instancesFor(sent.ids());
            assertThat(byInstance).as("annotated events per NLP instance").containsKeys("e2e-nlp-1", "e2e-nlp-2");
        }
    }

    @Test
    @Order(3)
    void killingAnNlpWorkerMidBatchLosesNothing() throws Exception {
        assumeTrue(Files.isRegularFile(PipelineHarness.corpus()), "the BBC corpus is not beside the checkout");
        Batch sent = sendBatchWhile("kill-nlp", () -> {
            harness.suite.process(harness.nlpTwo).running().ifPresent(ProcessHandle::destroyForcibly);
        });
        assertExactlyIndexed(sent);
        // Bring the worker back for the scenarios after this one.
        harness.suite.start(harness.nlpTwo, line -> System.out.println("[e2e] " + line));
        harness.suite.awaitReady(harness.nlpTwo, true);
    }

    @Test
    @Order(4)
    void kafkaDownForThirtySecondsLosesNothing() throws Exception {
        assumeTrue(Files.isRegularFile(PipelineHarness.corpus()), "the BBC corpus is not beside the checkout");
        harness.stack.kafka().stop();
        Batch sent;
        try {
            // ingest keeps accepting while the broker is away
            sent = sendBatch("kafka-down");
            Thread.sleep(30_000);
        } finally {
            harness.stack.kafka().start();
            harness.stack.kafka().awaitReady(Duration.ofMinutes(2));
        }
        assertExactlyIndexed(sent);
    }

    @Test
    @Order(5)
    void restartingQueryServiceMidBatchLosesNothing() throws Exception {
        assumeTrue(Files.isRegularFile(PipelineHarness.corpus()), "the BBC corpus is not beside the checkout");
        Batch sent = sendBatchWhile("restart-query", () -> {
            try {
                harness.suite.process(harness.query).stop(Duration.ofSeconds(30));
                harness.suite.start(harness.query, line -> System.out.println("[e2e] " + line));
                harness.suite.awaitReady(harness.query, true);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertExactlyIndexed(sent);
    }

    @Test
    @Order(6)
    void aPoisonEventGoesToTheDlqAndTheRestFlowsOn() throws Exception {
        PipelineHarness.Sent victim = harness.send("poison-" + PipelineHarness.randomSuffix(), "poison-" + harness.runId, "Poison target",
                "A short article that a broken event will claim to be. It names Almaty and the CSTO.");
        assertThat(harness.awaitSettled(List.of(victim.id()), SETTLE).get(victim.id())).isEqualTo("INDEXED");
        Properties props = harness.kafkaProperties();
        props.put("key.serializer", StringSerializer.class.getName());
        props.put("value.serializer", StringSerializer.class.getName());
        Properties dlqProps = harness.kafkaProperties();
        dlqProps.put("group.id", harness.runId + "-dlq-" + PipelineHarness.randomSuffix());
        dlqProps.put("auto.offset.reset", "latest");
        dlqProps.put("key.deserializer", StringDeserializer.class.getName());
        dlqProps.put("value.deserializer", org.apache.kafka.common.serialization.ByteArrayDeserializer.class.getName());
        String dlqReason;
        try (KafkaConsumer<String, byte[]> dlq = new KafkaConsumer<>(dlqProps);
             KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            dlq.subscribe(List.of(Topics.ARTICLES_INGESTED_DLQ));
            long joinBy = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (dlq.assignment().isEmpty() && System.nanoTime() < joinBy) {
                dlq.poll(Duration.ofMillis(200));
            }
            // A valid envelope whose payload is broken: the text is an object, the date is not a date.
            String poison = "{\"schemaVersion\":1,\"articleId\":\"" + victim.id() + "\",\"revision\":1,"
                    + "\"text\":{\"oops\":true},\"publishedAt\":\"yesterday-ish\",\"contentHash\":\"x\"}";
            producer.send(new ProducerRecord<>(Topics.ARTICLES_INGESTED, victim.id(), poison)).get();

            String reason = null;
            long deadline = System.nanoTime() + SETTLE.toNanos();
            while (reason == null && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : dlq.poll(Duration.ofMillis(500))) {
                    Header header = record.headers().lastHeader("dead-letter-reason");
                    if (victim.id().equals(record.key()) && header != null) {
                        reason = new String(header.value(), StandardCharsets.UTF_8);
                    }
                }
            }
            assertThat(reason).as("dead-letter reason of the poison event").isNotBlank();
            dlqReason = reason;
        }
        // The poison names the article's current revision: a stage gave up on it, so ingest marks it FAILED with the
        // dead-letter reason even though it was INDEXED before, and keeps the stored article as it was.
        com.fasterxml.jackson.databind.JsonNode stored = harness.ingestArticle(victim.id());
        long failedBy = System.nanoTime() + SETTLE.toNanos();
        while (!stored.path("status").asText().equals("FAILED") && System.nanoTime() < failedBy) {
            Thread.sleep(500);
            stored = harness.ingestArticle(victim.id());
        }
        assertThat(stored.path("status").asText()).as("status of the poisoned article").isEqualTo("FAILED");
        assertThat(stored.path("failureReason").asText()).startsWith("annotation failed: ")
                .contains(dlqReason.substring(0, Math.min(dlqReason.length(), 200)));
        assertThat(stored.path("revision").asInt()).isEqualTo(1);
        assertThat(stored.path("cleanText").asText()).contains("It names Almaty and the CSTO.");
        // everything after it still flows
        Batch after = new Batch("after-poison-" + harness.runId, new ArrayList<>());
        for (int i = 0; i < 3; i++) {
            after.sent().add(harness.send("after-poison-" + i, after.source(), "After the poison " + i,
                    "Officials in Astana said on Monday that talks with the CSTO would continue. Article number " + i + "."));
        }
        assertExactlyIndexed(after);
    }

    // ---------------------------------------------------------------------------------------------

    record Batch(String source, List<PipelineHarness.Sent> sent) {
        List<String> ids() {
            return sent.stream().filter(s -> !s.status().equals("DUPLICATE")).map(PipelineHarness.Sent::id).distinct().toList();
        }
    }

    private Batch sendBatch(String name) throws Exception {
        return sendBatchWhile(name, null);
    }

    /** Sends the next slice of the corpus; {@code fault} runs in parallel once a third of it is sent. */
    private Batch sendBatchWhile(String name, Runnable fault) throws Exception {
        List<PipelineHarness.BbcArticle> articles = PipelineHarness.bbc(corpusCursor, corpusCursor + batch);
        corpusCursor += batch;
        Batch sent = new Batch(name + "-" + harness.runId, new ArrayList<>());
        CompletableFuture<Void> faultDone = CompletableFuture.completedFuture(null);
        for (int i = 0; i < articles.size(); i++) {
            if (fault != null && i == articles.size() / 3) {
                faultDone = CompletableFuture.runAsync(fault);
            }
            PipelineHarness.BbcArticle a = articles.get(i);
            sent.sent().add(harness.send(a.id(), sent.source(), a.title(), a.text()));
        }
        faultDone.get();
        return sent;
    }

    /** Every accepted article INDEXED, and query-service holds exactly those, each once. */
    private void assertExactlyIndexed(Batch batch) throws Exception {
        List<String> ids = batch.ids();
        Map<String, String> status = harness.awaitSettled(ids, SETTLE);
        assertThat(status.values()).as("pipeline status of %s", batch.source()).containsOnly("INDEXED");
        List<String> indexed = harness.indexedIds(batch.source());
        assertThat(indexed).as("articles query-service holds for %s", batch.source())
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
        Response search = harness.queryApi("/api/v1/search", "source", batch.source(), "size", "1");
        assertThat(search.jsonPath().getLong("total")).isEqualTo(ids.size());
    }

    /** Reads articles.annotated from its current end and remembers which NLP instance annotated each article. */
    static final class InstanceTally implements AutoCloseable {
        private final KafkaConsumer<String, String> consumer;
        private final Map<String, String> instanceByArticle = new java.util.concurrent.ConcurrentHashMap<>();
        private final Thread reader;
        private volatile boolean running = true;

        InstanceTally(PipelineHarness harness) {
            Properties props = harness.kafkaProperties();
            props.put("group.id", harness.runId + "-tally-" + PipelineHarness.randomSuffix());
            props.put("auto.offset.reset", "latest");
            props.put("key.deserializer", StringDeserializer.class.getName());
            props.put("value.deserializer", StringDeserializer.class.getName());
            consumer = new KafkaConsumer<>(props);
            consumer.subscribe(List.of(Topics.ARTICLES_ANNOTATED));
            // join the group and take the end offsets before anything is sent
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200));
            }
            reader = new Thread(this::read, "instance-tally");
            reader.start();
        }

        private void read() {
            while (running) {
                synchronized (consumer) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
                        Header header = record.headers().lastHeader("newsdesk-instance");
                        if (record.key() != null && header != null) {
                            instanceByArticle.put(record.key(), new String(header.value(), StandardCharsets.UTF_8));
                        }
                    }
                }
            }
        }

        Map<String, Integer> instancesFor(List<String> ids) {
            Map<String, Integer> counts = new HashMap<>();
            ids.forEach(id -> {
                String instance = instanceByArticle.get(id);
                if (instance != null) {
                    counts.merge(instance, 1, Integer::sum);
                }
            });
            System.out.println("[e2e] annotated per instance: " + counts);
            return counts;
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            reader.join(5000);
            consumer.close();
        }
    }
}
