package org.newsdesk.e2e;

import static io.restassured.RestAssured.given;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.newsdesk.contracts.Topics;
import org.newsdesk.devstack.Devstack;
import org.newsdesk.devstack.KeycloakTokens;
import org.newsdesk.devstack.ProjectLayout;
import org.newsdesk.devstack.SuiteServices;
import org.newsdesk.devstack.SuiteServices.Service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.response.Response;

/**
 * The packaged suite as separate processes against the test stack: ingest-service, two nlp-service
 * workers sharing one consumer group, query-service. Each run gets fresh databases and consumer groups
 * that start at the topics' current ends, so the counts it checks are exactly its own articles.
 */
final class PipelineHarness {

    static final ObjectMapper JSON = new ObjectMapper();

    final String runId = "e2e" + Long.toString(System.currentTimeMillis(), 36);
    final Devstack stack = Devstack.forProfile("test");
    final KeycloakTokens tokens = new KeycloakTokens(stack.settings().realmUrl());
    final Service ingest;
    final Service nlpOne;
    final Service nlpTwo;
    final Service query;
    final SuiteServices suite;

    PipelineHarness() {
        Map<String, Service> modules = SuiteServices.ALL.stream().collect(Collectors.toMap(Service::module, s -> s));
        String nlpGroup = runId + "-nlp";
        ingest = modules.get("ingest-service").instance("e2e-ingest", 18281, "e2e_ingest",
                Map.of("MP_MESSAGING_INCOMING_PIPELINE_STATUS_GROUP_ID", runId + "-ingest"));
        nlpOne = modules.get("nlp-service").instance("e2e-nlp-1", 18282, null,
                Map.of("NLP_CONSUMER_GROUP", nlpGroup, "NLP_INSTANCE_ID", "e2e-nlp-1"));
        nlpTwo = modules.get("nlp-service").instance("e2e-nlp-2", 18284, null,
                Map.of("NLP_CONSUMER_GROUP", nlpGroup, "NLP_INSTANCE_ID", "e2e-nlp-2"));
        query = modules.get("query-service").instance("e2e-query", 18283, "e2e_query",
                Map.of("NEWSDESK_QUERY_GROUP", runId + "-query", "NEWSDESK_INGEST_URL", ingest.url(),
                        "NEWSDESK_NLP_URL", nlpOne.url()));
        suite = new SuiteServices(stack.settings(), ProjectLayout.root(), List.of(ingest, nlpOne, nlpTwo, query));
    }

    void start() throws Exception {
        // Instances left by an interrupted run point at dropped databases: never reuse them.
        suite.stop(line -> System.out.println("[e2e] leftover " + line));
        stack.start(line -> System.out.println("[devstack] " + line));
        stack.postgres().recreateDatabase("e2e_ingest");
        stack.postgres().recreateDatabase("e2e_query");
        positionAtEnd(runId + "-nlp", Topics.ARTICLES_INGESTED);
        positionAtEnd(runId + "-query", Topics.ARTICLES_ANNOTATED);
        positionAtEnd(runId + "-ingest", Topics.ARTICLES_ANNOTATED, Topics.ARTICLES_INDEXED,
                Topics.ARTICLES_INGESTED_DLQ, Topics.ARTICLES_ANNOTATED_DLQ);
        suite.start(line -> System.out.println("[e2e] " + line));
    }

    void stop() throws Exception {
        suite.stop(line -> System.out.println("[e2e] " + line));
    }

    /** Commits the group's offsets at the topics' current ends, so it sees only what this run produces. */
    private void positionAtEnd(String group, String... topics) throws Exception {
        try (Admin admin = stack.kafka().admin()) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(topics)).allTopicNames().get(30, TimeUnit.SECONDS).values()
                    .forEach(d -> d.partitions().forEach(p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS)
                    .forEach((tp, info) -> offsets.put(tp, new OffsetAndMetadata(info.offset())));
            admin.alterConsumerGroupOffsets(group, offsets).all().get(30, TimeUnit.SECONDS);
        }
    }

    Properties kafkaProperties() {
        Properties props = new Properties();
        props.put("bootstrap.servers", stack.settings().kafkaBootstrap());
        return props;
    }

    // ---- ingest side -------------------------------------------------------------------------

    /** An article as sent: its ingest id and the status ingest answered (DUPLICATE or a pipeline status). */
    record Sent(String externalId, String id, String status) {
    }

    Sent send(String externalId, String source, String title, String text) {
        ObjectNode body = JSON.createObjectNode().put("text", text).put("externalId", externalId).put("source", source);
        if (title != null) {
            body.put("title", title);
        }
        Response response = given().baseUri(ingest.url()).auth().oauth2(tokens.accessToken("editor"))
                .contentType("application/json").body(body.toString())
                .post("/api/v1/articles");
        if (response.statusCode() >= 300) {
            throw new AssertionError("ingest refused " + externalId + ": " + response.statusCode() + " " + response.body().asString());
        }
        return new Sent(externalId, response.jsonPath().getString("id"), response.jsonPath().getString("status"));
    }

    JsonNode ingestArticle(String id) throws IOException {
        Response response = given().baseUri(ingest.url()).auth().oauth2(tokens.accessToken("reader"))
                .get("/api/v1/articles/" + id);
        return JSON.readTree(response.body().asString());
    }

    /**
     * Polls ingest until every article is INDEXED (or FAILED), returning the statuses. The status follows
     * the articles.indexed events query-service publishes, so INDEXED means queryable.
     */
    Map<String, String> awaitSettled(List<String> ids, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, String> status = new LinkedHashMap<>();
        while (true) {
            for (String id : ids) {
                String current = status.get(id);
                if (current == null || !(current.equals("INDEXED") || current.equals("FAILED"))) {
                    status.put(id, ingestArticle(id).path("status").asText("?"));
                }
            }
            long settled = status.values().stream().filter(s -> s.equals("INDEXED") || s.equals("FAILED")).count();
            if (settled == ids.size() || System.nanoTime() > deadline) {
                System.out.printf("[e2e] %d/%d settled: %s%n", settled, ids.size(),
                        status.values().stream().collect(Collectors.groupingBy(s -> s, Collectors.counting())));
                return status;
            }
            Thread.sleep(2000);
        }
    }

    /** Polls ingest until the article reaches {@code wanted}; false when the timeout passed first. */
    boolean awaitStatus(String id, String wanted, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (ingestArticle(id).path("status").asText().equals(wanted)) {
                return true;
            }
            Thread.sleep(1000);
        }
        return false;
    }

    // ---- query side --------------------------------------------------------------------------

    Response queryApi(String path, Object... params) {
        var request = given().baseUri(query.url()).auth().oauth2(tokens.accessToken("reader"));
        for (int i = 0; i + 1 < params.length; i += 2) {
            request = request.queryParam(params[i].toString(), params[i + 1]);
        }
        return request.get(path);
    }

    /** Every article id query-service holds for a source, in export order (so a duplicate would show twice). */
    List<String> indexedIds(String source) throws IOException {
        Response response = queryApi("/api/v1/export", "source", source, "format", "jsonl");
        if (response.statusCode() != 200) {
            throw new AssertionError("export failed: " + response.statusCode() + " " + response.body().asString());
        }
        List<String> ids = new ArrayList<>();
        for (String line : response.body().asString().split("\n")) {
            if (!line.isBlank()) {
                ids.add(JSON.readTree(line).path("id").asText());
            }
        }
        return ids;
    }

    // ---- data --------------------------------------------------------------------------------

    record BbcArticle(String id, String title, String text) {
    }

    static Path corpus() {
        return ProjectLayout.root().resolveSibling("shared").resolve("corpus/bbc-news.jsonl");
    }

    /** Articles {@code from} (inclusive) to {@code to} (exclusive) of the BBC corpus. */
    static List<BbcArticle> bbc(int from, int to) throws IOException {
        List<BbcArticle> articles = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(corpus(), StandardCharsets.UTF_8)) {
            String line;
            int index = 0;
            while ((line = reader.readLine()) != null && index < to) {
                if (index++ >= from) {
                    JsonNode json = JSON.readTree(line);
                    articles.add(new BbcArticle(json.path("id").asText(), json.path("title").asText(), json.path("text").asText()));
                }
            }
        }
        return articles;
    }

    static String randomSuffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
