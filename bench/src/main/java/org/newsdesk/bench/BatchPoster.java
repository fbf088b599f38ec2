package org.newsdesk.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.newsdesk.devstack.ApiClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Posts corpus articles to {@code articles:batch} as NDJSON batches of {@link #BATCH_SIZE} with {@link #CLIENTS}
 * concurrent clients, as a newsroom's importer would, and records each request's latency. Shared by the pipeline
 * and the ingest-only benchmarks so that both measure the same requests.
 */
final class BatchPoster {

    /** Concurrent batch requests: one per core of this machine keeps ingest busy without queueing. */
    static final int CLIENTS = 2;
    /** Articles per {@code articles:batch} request. */
    static final int BATCH_SIZE = 100;

    /** What a run of requests gave: the ids of articles not answered as duplicates, and the timings. */
    record Result(List<String> ids, List<Double> requestMillis, double seconds, long startNanos) {
    }

    private BatchPoster() {
    }

    /** Posts every article under {@code source}; any refused request or article fails the benchmark. */
    static Result post(ApiClient editor, String ingestUrl, List<BbcCorpus.Article> articles, String source)
            throws Exception {
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long start = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                workers.add(pool.submit(() -> {
                    for (int from = next.getAndAdd(BATCH_SIZE); from < articles.size(); from = next.getAndAdd(BATCH_SIZE)) {
                        StringBuilder ndjson = new StringBuilder();
                        for (BbcCorpus.Article article : articles.subList(from, Math.min(articles.size(), from + BATCH_SIZE))) {
                            ndjson.append(ApiClient.JSON.createObjectNode().put("text", article.text())
                                    .put("title", article.title()).put("externalId", article.id())
                                    .put("source", source)).append('\n');
                        }
                        long t0 = System.nanoTime();
                        ApiClient.Reply reply = editor.post(ingestUrl + "/api/v1/articles:batch", "application/x-ndjson",
                                ndjson.toString());
                        millis.add((System.nanoTime() - t0) / 1e6);
                        if (!reply.ok()) {
                            throw new IllegalStateException("batch ingest refused: " + reply.status() + " " + reply.body());
                        }
                        collectIds(reply.body(), ids);
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(List.copyOf(ids), List.copyOf(millis), seconds, start);
    }

    private static void collectIds(String ndjson, List<String> ids) throws Exception {
        for (String line : ndjson.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode result = ApiClient.JSON.readTree(line);
            String status = result.path("status").asText();
            if ("REJECTED".equals(status) || result.path("id").isMissingNode() || result.path("id").isNull()) {
                throw new IllegalStateException("an article of the batch was refused: " + line);
            }
            if (!"DUPLICATE".equals(status)) {
                ids.add(result.path("id").asText());
            }
        }
    }
}
