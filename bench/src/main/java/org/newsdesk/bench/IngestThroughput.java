package org.newsdesk.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.newsdesk.devstack.ApiClient;
import org.newsdesk.devstack.Devstack;
import org.newsdesk.devstack.KeycloakTokens;
import org.newsdesk.devstack.ManagedProcess;
import org.newsdesk.devstack.ProjectLayout;
import org.newsdesk.devstack.StackSettings;
import org.newsdesk.devstack.SuiteServices;

/**
 * Ingest alone, cold and warm: the BBC corpus through {@code articles:batch} into a just-started ingest-service,
 * then the same corpus again and again into the same, now warm, service, each pass on empty ingest tables so that
 * every pass does the same work (cleaning, language detection, exact and near-duplicate detection, storage and the
 * outbox relay to Kafka) and finds the same 98 exact duplicates.
 * <p>
 * The pipeline benchmark measures ingest on a service that has just started, so its figure includes the JIT's
 * warm-up: on 2 cores the compiler threads take a large share of the CPU for the first several thousand articles.
 * A newsroom's ingest-service runs for days, so the warm passes are its working rate. Only PostgreSQL, Kafka,
 * Keycloak and ingest-service run (nothing consumes the topic), on the benchmark's own stack under
 * {@code ~/.newsdesk/bench}, started from empty data, with the dev suite stopped first (its data is kept).
 * <p>
 * Emptying the tables between passes is done here with SQL on the benchmark's own database; the product has no
 * such operation. A pass ends when the outbox relay has sent every row, so its CPU figures include the relay.
 */
final class IngestThroughput {

    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(5);

    private IngestThroughput() {
    }

    /** {@code passes} passes of the whole corpus: the first on a cold service, the others warm. */
    static Map<String, Measurements> passes(BbcCorpus corpus, int passes) throws Exception {
        if (passes < 2) {
            throw new IllegalArgumentException("the ingest benchmark needs a cold pass and at least one warm pass");
        }
        Devstack bench = BenchStack.replacingDevSuite();
        SuiteServices ingestOnly = new SuiteServices(bench.settings(), ProjectLayout.root(),
                List.of(SuiteServices.byName("ingest")));
        return BenchStack.onFreshSuite(bench, ingestOnly, false,
                () -> measure(bench.settings(), ingestOnly, corpus, passes));
    }

    private static Map<String, Measurements> measure(StackSettings stack, SuiteServices services, BbcCorpus corpus,
            int passes) throws Exception {
        KeycloakTokens tokens = new KeycloakTokens(stack.realmUrl());
        ApiClient editor = new ApiClient(() -> tokens.accessToken("editor"));
        String ingestUrl = SuiteServices.byName("ingest").url();
        long ingestPid = services.process(SuiteServices.byName("ingest")).running()
                .orElseThrow(() -> new IllegalStateException("ingest-service is not running")).pid();
        Optional<ProcessHandle> postgres = new ManagedProcess(stack, "postgres").running();
        Optional<ProcessHandle> kafka = new ManagedProcess(stack, "kafka").running();

        List<Double> warmRates = new ArrayList<>();
        List<Double> warmRequestMillis = new ArrayList<>();
        List<Double> ingestCpu = new ArrayList<>();
        List<Double> postgresCpu = new ArrayList<>();
        List<Double> kafkaCpu = new ArrayList<>();
        double coldRate = 0;
        double coldP95 = 0;
        for (int pass = 1; pass <= passes; pass++) {
            emptyIngestTables(stack);
            double ingest0 = ProcessStats.cpuSeconds(ProcessHandle.of(ingestPid));
            double postgres0 = ProcessStats.cpuSeconds(postgres);
            double kafka0 = ProcessStats.cpuSeconds(kafka);
            BatchPoster.Result posted = BatchPoster.post(editor, ingestUrl, corpus.articles(), "bbc-ingest-bench");
            awaitOutboxSent(stack);
            double rate = corpus.articles().size() / posted.seconds();
            double p95 = Measurements.percentile(posted.requestMillis(), 95);
            int articles = corpus.articles().size();
            System.out.printf("ingest pass %d of %d (%s): %d articles in %.1f s = %.0f/s, request p95 %.0f ms%n",
                    pass, passes, pass == 1 ? "cold" : "warm", articles, posted.seconds(), rate, p95);
            if (pass == 1) {
                coldRate = rate;
                coldP95 = p95;
                continue;
            }
            warmRates.add(rate);
            warmRequestMillis.addAll(posted.requestMillis());
            ingestCpu.add((ProcessStats.cpuSeconds(ProcessHandle.of(ingestPid)) - ingest0) * 1e6 / articles);
            postgresCpu.add((ProcessStats.cpuSeconds(postgres) - postgres0) * 1e6 / articles);
            kafkaCpu.add((ProcessStats.cpuSeconds(kafka) - kafka0) * 1e6 / articles);
        }
        Map<String, Measurements> results = new LinkedHashMap<>();
        put(results, "ingest_only.articles_per_s_cold", "articles/s, whole corpus into a just-started service",
                List.of(coldRate));
        put(results, "ingest_only.batch_request_p95_ms_cold", "ms per request of " + BatchPoster.BATCH_SIZE + " articles",
                List.of(coldP95));
        put(results, "ingest_only.articles_per_s_warm", "articles/s, whole corpus, one value per warm pass", warmRates);
        put(results, "ingest_only.batch_request_p95_ms_warm", "ms per request of " + BatchPoster.BATCH_SIZE
                + " articles, over all warm requests", List.of(Measurements.percentile(warmRequestMillis, 95)));
        put(results, "ingest_only.cpu_us_per_article_ingest_service", "µs of CPU per article", ingestCpu);
        put(results, "ingest_only.cpu_us_per_article_postgres", "µs of CPU per article", postgresCpu);
        put(results, "ingest_only.cpu_us_per_article_kafka", "µs of CPU per article", kafkaCpu);
        put(results, "ingest_only.peak_rss_mb", "MB, ingest-service with " + SuiteServices.byName("ingest").jvmOptions(),
                List.of(ProcessStats.peakRssMb(ingestPid).orElse(Double.NaN)));
        return results;
    }

    private static void put(Map<String, Measurements> results, String name, String unit, List<Double> values) {
        results.put(name, new Measurements(name, unit, values));
    }

    /** Empties the benchmark's own ingest tables, so that the next pass stores the corpus afresh. */
    private static void emptyIngestTables(StackSettings stack) throws Exception {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl("ingest"), StackSettings.DB_USER,
                StackSettings.DB_PASSWORD); Statement s = c.createStatement()) {
            s.execute("truncate article, article_band, outbox");
        }
    }

    /** Waits until the outbox relay has sent every row to Kafka. */
    private static void awaitOutboxSent(StackSettings stack) throws Exception {
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl("ingest"), StackSettings.DB_USER,
                StackSettings.DB_PASSWORD); Statement s = c.createStatement()) {
            while (true) {
                try (ResultSet rs = s.executeQuery("select count(*) from outbox where sent_at is null")) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the outbox was not sent within " + DRAIN_TIMEOUT);
                }
                Thread.sleep(100);
            }
        }
    }
}
