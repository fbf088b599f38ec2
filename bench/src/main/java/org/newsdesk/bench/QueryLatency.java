package org.newsdesk.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.newsdesk.devstack.ApiClient;
import org.newsdesk.devstack.Devstack;
import org.newsdesk.devstack.KeycloakTokens;
import org.newsdesk.devstack.SuiteServices;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Query latencies of a running query-service: {@link #CLIENTS} concurrent clients, each doing {@link #ROUNDS}
 * rounds of search with facets ({@code size=20}, a word of {@link #SEARCH_WORDS}), the profile of one of the
 * ten entities most named by the measured articles, and that entity's quotes; p50 and p99 per kind and run. Then
 * the same rounds by one client alone, which shows the cost of one request without queueing. Every request is a
 * real one: query-service caches no responses, so a repeated request costs what a first one does.
 */
final class QueryLatency {

    static final int CLIENTS = 16;
    static final int ROUNDS = 30;
    static final List<String> SEARCH_WORDS = List.of("government", "election", "film", "music", "economy", "growth",
            "football", "mobile phone", "Blair", "oil prices", "\"interest rates\"", "champion", "software", "shares");

    private final String queryUrl;
    private final ApiClient reader;

    QueryLatency(String queryUrl, ApiClient reader) {
        this.queryUrl = queryUrl;
        this.reader = reader;
    }

    /** Against the suite {@code ./newsdesk up} runs (its ports from the environment), as the demo user reader. */
    static QueryLatency onRunningSuite() {
        KeycloakTokens tokens = new KeycloakTokens(Devstack.forProfile("dev").settings().realmUrl());
        return new QueryLatency(SuiteServices.byName("query").url(), new ApiClient(() -> tokens.accessToken("reader")));
    }

    /**
     * {@code ./newsdesk bench query}: the figures on whatever the suite has indexed, with the number of articles,
     * under the names ({@code search_p99_ms}...) and with a {@code _1client} suffix for one client alone.
     */
    Map<String, Measurements> run(int runs) throws Exception {
        Map<String, Measurements> results = new LinkedHashMap<>();
        long articles = reader.get(queryUrl + "/api/v1/search?size=1").json().path("total").asLong();
        results.put("query_indexed_articles", new Measurements("query_indexed_articles", "articles",
                List.of((double) articles)));
        List<Long> entities = topEntities("");
        measure(entities, runs, CLIENTS).forEach((name, values) ->
                results.put(name + "_ms", new Measurements(name + "_ms", "ms", values)));
        measure(entities, runs, 1).forEach((name, values) ->
                results.put(name + "_ms_1client", new Measurements(name + "_ms_1client", "ms, one client alone", values)));
        return results;
    }

    /**
     * The ten entities most named by the articles that match {@code filter} (query parameters of
     * {@code /api/v1/search}, such as {@code source=bbc-run1}; empty for all articles).
     */
    List<Long> topEntities(String filter) throws Exception {
        List<Long> ids = new ArrayList<>();
        String url = queryUrl + "/api/v1/search?size=1" + (filter.isEmpty() ? "" : "&" + filter);
        for (JsonNode facet : reader.get(url).json().path("facets").path("entities")) {
            ids.add(facet.path("id").asLong());
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException("no entities indexed: cannot measure profile and quote latencies");
        }
        return ids;
    }

    /**
     * {@code runs} runs of {@code clients} concurrent clients × {@link #ROUNDS} rounds; per run one p50 and one p99
     * of each kind, keyed {@code search_p50}, {@code search_p99}, {@code profile_p50}... in that order.
     */
    Map<String, List<Double>> measure(List<Long> entityIds, int runs, int clients) throws Exception {
        Map<String, List<Double>> perRun = new LinkedHashMap<>();
        for (String kind : List.of("search", "profile", "quotes")) {
            perRun.put(kind + "_p50", new ArrayList<>());
            perRun.put(kind + "_p99", new ArrayList<>());
        }
        for (int run = 0; run < runs; run++) {
            Map<String, List<Double>> samples = new ConcurrentHashMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    Random random = new Random(run * 100L + c);
                    futures.add(pool.submit(() -> {
                        for (int i = 0; i < ROUNDS; i++) {
                            String word = SEARCH_WORDS.get(random.nextInt(SEARCH_WORDS.size()));
                            long entity = entityIds.get(random.nextInt(entityIds.size()));
                            time(samples, "search", queryUrl + "/api/v1/search?size=20&q="
                                    + URLEncoder.encode(word, StandardCharsets.UTF_8));
                            time(samples, "profile", queryUrl + "/api/v1/entities/" + entity);
                            time(samples, "quotes", queryUrl + "/api/v1/quotes?speaker=" + entity);
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            samples.forEach((kind, list) -> {
                perRun.get(kind + "_p50").add(Measurements.percentile(list, 50));
                perRun.get(kind + "_p99").add(Measurements.percentile(list, 99));
            });
        }
        return perRun;
    }

    private void time(Map<String, List<Double>> samples, String kind, String url) throws Exception {
        long t0 = System.nanoTime();
        ApiClient.Reply reply = reader.get(url);
        double ms = (System.nanoTime() - t0) / 1e6;
        if (!reply.ok()) {
            throw new IllegalStateException(kind + " failed: " + reply.status() + " " + reply.body());
        }
        samples.computeIfAbsent(kind, k -> Collections.synchronizedList(new ArrayList<>())).add(ms);
    }
}
