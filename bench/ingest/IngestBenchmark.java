/*
 * Batch-ingests the BBC corpus through a running ingest-service and prints articles/s and request latency.
 *
 * Run (JDK 21+, no build needed; the service and Keycloak must be up):
 *   java bench/ingest/IngestBenchmark.java [--url http://127.0.0.1:8081] [--keycloak http://127.0.0.1:8180]
 *        [--corpus ../shared/corpus/bbc-news.jsonl] [--batch-size 100] [--concurrency 2] [--verbatim]
 *
 * Each run uses its own source (so externalIds never collide with an earlier run) and, unless --verbatim, appends
 * one line naming the run to every text, so the articles are new to the database and the run measures real
 * ingest (cleaning, dedup, storage, outbox) rather than the cheap exact-duplicate answer. The corpus's own 98 exact
 * duplicates are still found within the run. It never deletes anything.
 */

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class IngestBenchmark {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*(\\d+)");
    private static final Pattern PENDING = Pattern.compile("\"pending\"\\s*:\\s*(\\d+)");

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        String url = opts.getOrDefault("url", "http://127.0.0.1:8081");
        String keycloak = opts.getOrDefault("keycloak", "http://127.0.0.1:8180");
        Path corpus = Path.of(opts.getOrDefault("corpus", "../shared/corpus/bbc-news.jsonl"));
        int batchSize = Integer.parseInt(opts.getOrDefault("batch-size", "100"));
        int concurrency = Integer.parseInt(opts.getOrDefault("concurrency", "2"));
        boolean verbatim = opts.containsKey("verbatim");
        if (!Files.isRegularFile(corpus)) {
            System.err.println("corpus not found: " + corpus.toAbsolutePath() + " (pass --corpus)");
            System.exit(2);
        }
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> lines = Files.readAllLines(corpus, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
                .map(l -> verbatim ? l : marked(l, run)).toList();
        List<String> batches = new ArrayList<>();
        for (int i = 0; i < lines.size(); i += batchSize) {
            batches.add(String.join("\n", lines.subList(i, Math.min(lines.size(), i + batchSize))) + "\n");
        }

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String token = token(http, keycloak, "editor");
        String endpoint = url + "/api/v1/articles:batch?source=bbc-bench-" + run;
        System.out.printf("ingest benchmark %s: %d articles in %d batches of %d, %d in parallel, against %s%n",
                run, lines.size(), batches.size(), batchSize, concurrency, url);

        List<Long> latenciesNanos = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, Integer> codes = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (String batch : batches) {
            futures.add(pool.submit(() -> {
                HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint)).timeout(Duration.ofMinutes(5))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofString(batch, StandardCharsets.UTF_8)).build();
                long t0 = System.nanoTime();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                latenciesNanos.add(System.nanoTime() - t0);
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("batch answered " + response.statusCode() + ": " + response.body());
                }
                Matcher m = CODE.matcher(response.body());
                while (m.find()) {
                    codes.merge(Integer.parseInt(m.group(1)), 1, Integer::sum);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        long wall = System.nanoTime() - start;
        pool.shutdown();

        List<Long> sorted = new ArrayList<>(latenciesNanos);
        Collections.sort(sorted);
        double seconds = wall / 1e9;
        System.out.printf("answered %d articles in %.2f s: %.0f articles/s%n", lines.size(), seconds, lines.size() / seconds);
        System.out.printf("request latency (one batch of %d): p50 %.0f ms, p95 %.0f ms, max %.0f ms%n", batchSize,
                pct(sorted, 50), pct(sorted, 95), sorted.get(sorted.size() - 1) / 1e6);
        System.out.println("per-article results by code (202 new, 200 duplicate, 4xx rejected): " + new TreeMap<>(codes));

        long drainStart = System.nanoTime();
        Long pending = null;
        while (System.nanoTime() - drainStart < Duration.ofMinutes(5).toNanos()) {
            pending = pendingOutbox(http, url);
            if (pending == null || pending == 0) {
                break;
            }
            Thread.sleep(200);
        }
        if (pending != null) {
            System.out.printf("outbox drained (every event acknowledged by Kafka) %.1f s after the last answer%n",
                    (System.nanoTime() - drainStart) / 1e9);
        }
        System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", Java " + System.getProperty("java.version")
                + ", " + Instant.now());
    }

    /** Appends one line naming the run to the text, so the article is new to the database. */
    private static String marked(String line, String run) {
        int end = line.lastIndexOf("\", \"topic\"");
        if (end < 0) {
            return line;
        }
        return line.substring(0, end) + "\\n\\nIngest benchmark run " + run + "." + line.substring(end);
    }

    private static Long pendingOutbox(HttpClient http, String url) {
        try {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(url + "/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = PENDING.matcher(health.body());
            return m.find() ? Long.parseLong(m.group(1)) : null;
        } catch (IOException | InterruptedException e) {
            return null;
        }
    }

    private static String token(HttpClient http, String keycloak, String user) throws Exception {
        String form = "grant_type=password&client_id=newsdesk-cli&username=" + user + "&password=" + user;
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(keycloak + "/realms/newsdesk/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("Keycloak refused a token (" + response.statusCode() + "): " + response.body());
        }
        return m.group(1);
    }

    private static double pct(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opts = new TreeMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String key = args[i].substring(2);
            if (key.equals("verbatim")) {
                opts.put(key, "true");
            } else {
                opts.put(key, args[++i]);
            }
        }
        return opts;
    }
}
