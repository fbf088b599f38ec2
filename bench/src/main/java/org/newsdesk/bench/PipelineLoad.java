package org.newsdesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.newsdesk.devstack.ApiClient;
import org.newsdesk.devstack.Devstack;
import org.newsdesk.devstack.KeycloakTokens;
import org.newsdesk.devstack.ProjectLayout;
import org.newsdesk.devstack.StackSettings;
import org.newsdesk.devstack.SuiteServices;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Load on the whole suite: the BBC corpus through the ingest API, the time until the last article is INDEXED,
 * idle per-article latency, query latencies at 16 concurrent clients after 1,000 and after all articles, the bytes
 * one article adds to each database and topic, and each service's peak RSS.
 * <p>
 * A second pass over the same corpus would only find duplicates, so each pass runs on a suite of its own started
 * from empty data ({@link #passes}): the benchmark's own stack under {@code ~/.newsdesk/bench}, on the dev stack's
 * ports, with the dev suite stopped first (its data is left alone).
 */
final class PipelineLoad {

    private final String runId = "bench" + Long.toString(System.currentTimeMillis(), 36);
    private final ApiClient editor;
    private final ApiClient reader;
    private final String ingestUrl = SuiteServices.byName("ingest").url();
    private final String queryUrl = SuiteServices.byName("query").url();
    private final Map<String, Measurements> results = new LinkedHashMap<>();

    /** The stack the suite runs on, and its services' processes (for signals and memory). */
    private final StackSettings dev;
    private final SuiteServices services;

    PipelineLoad(StackSettings stack, SuiteServices services) {
        this.dev = stack;
        this.services = services;
        KeycloakTokens tokens = new KeycloakTokens(dev.realmUrl());
        editor = new ApiClient(() -> tokens.accessToken("editor"));
        reader = new ApiClient(() -> tokens.accessToken("reader"));
    }

    /**
     * {@code passes} passes, each on a suite started from empty data and stopped after it; every figure gathers the
     * values of all passes (figures measured several times within a pass contribute each of their runs).
     */
    static Map<String, Measurements> passes(BbcCorpus corpus, int passes, int queryRuns) throws Exception {
        Devstack bench = BenchStack.replacingDevSuite();
        SuiteServices benchServices = new SuiteServices(bench.settings(), ProjectLayout.root());
        Map<String, Measurements> all = new LinkedHashMap<>();
        for (int pass = 1; pass <= passes; pass++) {
            System.out.printf("pipeline pass %d of %d: a fresh suite under %s%n", pass, passes, bench.settings().home());
            BenchStack.onFreshSuite(bench, benchServices, true,
                    () -> new PipelineLoad(bench.settings(), benchServices).run(corpus, queryRuns)).forEach((name, m) ->
                    all.merge(name, m, (a, b) -> {
                        List<Double> values = new ArrayList<>(a.values());
                        values.addAll(b.values());
                        return new Measurements(name, a.unit(), values);
                    }));
        }
        return all;
    }

    Map<String, Measurements> run(BbcCorpus corpus, int queryRuns) throws Exception {
        List<BbcCorpus.Article> first = corpus.articles().subList(0, Math.min(1000, corpus.articles().size()));
        List<BbcCorpus.Article> rest = corpus.articles().subList(first.size(), corpus.articles().size());

        Map<String, Long> storageBefore = storage();
        BatchPoster.Result a = withAnnotationPaused(() -> ingest(first, "A"));
        double secondsA = awaitIndexed(a);
        queryLatencies("1000", queryRuns);
        BatchPoster.Result b = withAnnotationPaused(() -> ingest(rest, "B"));
        double secondsB = awaitIndexed(b);
        queryLatencies("all", queryRuns);

        List<Double> latencies = new ArrayList<>(a.requestMillis());
        latencies.addAll(b.requestMillis());
        double ingestSeconds = a.seconds() + b.seconds();
        int accepted = a.ids().size() + b.ids().size();
        put("ingest_articles_per_s", "articles/s", List.of((first.size() + rest.size()) / ingestSeconds));
        // The first 1,000 go to a service that has just started (JIT still compiling); the rest to a warm one.
        put("ingest_articles_per_s_first_1000", "articles/s", List.of(first.size() / a.seconds()));
        put("ingest_articles_per_s_warm", "articles/s", List.of(rest.size() / b.seconds()));
        put("ingest_batch_request_p95_ms", "ms per request of " + BatchPoster.BATCH_SIZE + " articles",
                List.of(Measurements.percentile(latencies, 95)));
        put("bbc_pipeline_seconds", "s", List.of(secondsA + secondsB));
        put("bbc_accepted_articles", "articles", List.of((double) accepted));
        Map<String, Long> storageAfter = storage();
        storageAfter.forEach((what, bytes) -> put("bytes_per_article." + what, "bytes",
                List.of((double) (bytes - storageBefore.getOrDefault(what, 0L)) / accepted)));
        idleLatency(corpus, queryRuns);
        peakRss();
        return results;
    }

    /**
     * Bytes on disk now: each service database ({@code pg_database_size}) and each topic's partition directories in
     * the dev broker's log directory. Compared before and after the corpus, it gives the bytes one article adds, the
     * input of the capacity plan in docs/deploy.md. Kafka segments are preallocated in steps, so a topic's figure is
     * exact only to about a segment index; with thousands of articles that is noise.
     */
    private Map<String, Long> storage() throws Exception {
        Map<String, Long> bytes = new LinkedHashMap<>();
        for (String database : StackSettings.SERVICE_DATABASES) {
            try (var c = java.sql.DriverManager.getConnection(dev.jdbcUrl(database), StackSettings.DB_USER,
                    StackSettings.DB_PASSWORD);
                    var rs = c.createStatement().executeQuery("select pg_database_size(current_database())")) {
                rs.next();
                bytes.put("postgres_" + database, rs.getLong(1));
            }
        }
        Path logDir = dev.home().resolve("kafka").resolve("data");
        for (String topic : List.of("articles.ingested", "articles.annotated", "articles.indexed")) {
            long total = 0;
            try (var partitions = Files.list(logDir)) {
                for (Path partition : partitions.filter(d -> d.getFileName().toString().matches(
                        java.util.regex.Pattern.quote(topic) + "-\\d+")).toList()) {
                    try (var files = Files.list(partition)) {
                        for (Path f : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                            total += Files.size(f);
                        }
                    }
                }
            }
            bytes.put("kafka_" + topic.replace('.', '_'), total);
        }
        return bytes;
    }

    /**
     * Runs an ingest pass with nlp-service stopped (SIGSTOP, then SIGCONT), so that the ingest figures measure
     * ingest-service and PostgreSQL, not a CPU shared with two annotation workers at full load (on this 2-core
     * machine they otherwise take both cores). In a cluster they run on different nodes. The pause is part of
     * {@code bbc_pipeline_seconds}, which therefore errs on the slow side.
     */
    private BatchPoster.Result withAnnotationPaused(java.util.concurrent.Callable<BatchPoster.Result> pass) throws Exception {
        var nlp = services.process(SuiteServices.byName("nlp")).running();
        if (nlp.isPresent()) {
            signal("STOP", nlp.get().pid());
        }
        try {
            return pass.call();
        } finally {
            if (nlp.isPresent()) {
                signal("CONT", nlp.get().pid());
            }
        }
    }

    private static void signal(String signal, long pid) throws Exception {
        int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("kill -" + signal + " " + pid + " failed with " + exit);
        }
    }

    private BatchPoster.Result ingest(List<BbcCorpus.Article> articles, String phase) throws Exception {
        BatchPoster.Result posted = BatchPoster.post(editor, ingestUrl, articles, "bbc-" + runId);
        System.out.printf("phase %s: %d articles posted in %.1f s, %d accepted%n", phase, articles.size(),
                posted.seconds(), posted.ids().size());
        return posted;
    }

    /** Seconds from the pass's first POST until query-service holds every accepted article. */
    private double awaitIndexed(BatchPoster.Result pass) throws Exception {
        long deadline = System.nanoTime() + Duration.ofHours(2).toNanos();
        while (System.nanoTime() < deadline) {
            long indexed = reader.get(queryUrl + "/api/v1/search?size=1&source=bbc-" + runId).json().path("total").asLong();
            long expected = indexedBefore + pass.ids().size();
            System.out.printf("\rindexed %d/%d", indexed, expected);
            if (indexed >= expected) {
                indexedBefore = indexed;
                System.out.println();
                return (System.nanoTime() - pass.startNanos()) / 1e9;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("the corpus was not indexed within two hours");
    }

    private long indexedBefore;

    /**
     * Query latencies ({@link QueryLatency}: 16 clients, each a mix of search with facets, entity profile and quotes
     * by speaker, then one client alone), for the entities most named in this run's articles.
     */
    private void queryLatencies(String size, int runs) throws Exception {
        QueryLatency latency = new QueryLatency(queryUrl, reader);
        List<Long> entityIds = latency.topEntities("source=bbc-" + runId);
        latency.measure(entityIds, runs, QueryLatency.CLIENTS).forEach((name, values) -> {
            put(name + "_ms_" + size, "ms", values);
            if (size.equals("all")) { // the names for the figures with the whole corpus indexed
                put(name + "_ms", "ms", values);
            }
        });
        if (size.equals("all")) {
            latency.measure(entityIds, runs, 1).forEach((name, values) ->
                    put(name + "_ms_1client", "ms, one client alone", values));
        }
    }

    /**
     * One article at a time on an idle suite: milliseconds from the 202 until ingest reports INDEXED, for
     * {@code runs} runs of 20 probes each; each run gives a p50 and a p95.
     */
    private void idleLatency(BbcCorpus corpus, int runs) throws Exception {
        List<Double> p50 = new ArrayList<>();
        List<Double> p95 = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            List<Double> latencies = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                BbcCorpus.Article article = corpus.articles().get((run * 20 + i) * 37 % corpus.articles().size());
                ObjectNode body = ApiClient.JSON.createObjectNode()
                        .put("text", article.text() + "\n\nBenchmark probe " + runId + "-" + run + "-" + i + ".")
                        .put("title", article.title()).put("externalId", "probe-" + run + "-" + i)
                        .put("source", "probe-" + runId);
                long t0 = System.nanoTime();
                ApiClient.Reply reply = editor.post(ingestUrl + "/api/v1/articles", "application/json", body.toString());
                String id = reply.json().path("id").asText();
                while (!"INDEXED".equals(editor.get(ingestUrl + "/api/v1/articles/" + id).json().path("status").asText())) {
                    if ((System.nanoTime() - t0) > Duration.ofMinutes(5).toNanos()) {
                        throw new IllegalStateException("probe " + id + " not INDEXED within 5 minutes");
                    }
                    Thread.sleep(50);
                }
                latencies.add((System.nanoTime() - t0) / 1e6);
            }
            p50.add(Measurements.percentile(latencies, 50));
            p95.add(Measurements.percentile(latencies, 95));
        }
        put("e2e_latency_p50_ms", "ms", p50);
        put("e2e_latency_p95_ms", "ms", p95);
    }

    /** Peak resident memory (VmHWM) of each service process the launcher started. */
    private void peakRss() throws Exception {
        for (SuiteServices.Service service : SuiteServices.ALL) {
            var handle = services.process(service).running();
            if (handle.isPresent()) {
                ProcessStats.peakRssMb(handle.get().pid()).ifPresent(mb -> put("rss_mb." + service.name(), "MB", List.of(mb)));
            }
        }
    }

    private void put(String name, String unit, List<Double> values) {
        results.put(name, new Measurements(name, unit, values));
    }
}
