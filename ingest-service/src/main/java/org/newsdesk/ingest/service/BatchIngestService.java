package org.newsdesk.ingest.service;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.newsdesk.contracts.problem.Problem;
import org.newsdesk.contracts.problem.ProblemException;
import org.newsdesk.ingest.config.IngestConfig;
import org.newsdesk.ingest.mapping.BatchLineResult;

import io.quarkus.logging.Log;

/**
 * Ingests many articles (NDJSON batch, upload, feed) and answers one result per item, in input order. A bad item
 * gets its own 4xx result and never stops the others.
 * <p>
 * Cleaning and fingerprinting run in parallel on a small pool (the CPU-heavy part); storing runs in input order,
 * up to {@value #STORE_CHUNK} items per transaction, so that within a batch the first of two identical texts is the
 * original. A chunk whose transaction fails is stored again item by item, so a failed item never costs another.
 */
@ApplicationScoped
public class BatchIngestService {

    /** Articles stored per transaction: enough to amortise the commit, few enough to keep a retry cheap. */
    static final int STORE_CHUNK = 50;

    @Inject
    ArticlePreparer preparer;

    @Inject
    IngestService ingest;

    private final ExecutorService pool;

    @Inject
    public BatchIngestService(IngestConfig config) {
        int threads = config.batchParallelism() > 0 ? config.batchParallelism()
                : Runtime.getRuntime().availableProcessors();
        this.pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "ingest-prepare");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** For CDI's proxy only. */
    protected BatchIngestService() {
        this.pool = null;
    }

    @PreDestroy
    void stop() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    public List<BatchLineResult> ingestAll(List<BatchItem> items) {
        List<CompletableFuture<PreparedArticle>> prepared = new ArrayList<>(items.size());
        for (BatchItem item : items) {
            prepared.add(item.problem() != null ? null
                    : CompletableFuture.supplyAsync(() -> preparer.prepare(item.article(), item.warnings()), pool));
        }
        BatchLineResult[] results = new BatchLineResult[items.size()];
        List<Integer> chunk = new ArrayList<>();
        List<PreparedArticle> chunkArticles = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            BatchItem item = items.get(i);
            if (item.problem() != null) {
                results[i] = BatchLineResult.rejected(item.file(), item.line(), item.problem());
                continue;
            }
            try {
                chunkArticles.add(prepared.get(i).join());
                chunk.add(i);
            } catch (CompletionException e) {
                results[i] = BatchLineResult.rejected(item.file(), item.line(), problemOf(e.getCause(), item));
            }
            if (chunk.size() >= STORE_CHUNK) {
                store(items, chunk, chunkArticles, results);
            }
        }
        store(items, chunk, chunkArticles, results);
        return List.of(results);
    }

    /** Stores a chunk in one transaction; if that fails, item by item, so one bad item costs only its own line. */
    private void store(List<BatchItem> items, List<Integer> chunk, List<PreparedArticle> articles, BatchLineResult[] results) {
        if (chunk.isEmpty()) {
            return;
        }
        try {
            List<IngestOutcome> outcomes = ingest.storeAllInOneTransaction(articles);
            for (int k = 0; k < chunk.size(); k++) {
                BatchItem item = items.get(chunk.get(k));
                results[chunk.get(k)] = BatchLineResult.accepted(item.file(), item.line(), outcomes.get(k).httpStatus(),
                        outcomes.get(k).response());
            }
        } catch (RuntimeException chunkFailed) {
            Log.debugf(chunkFailed, "storing %d items in one transaction failed; storing them one by one", chunk.size());
            for (int k = 0; k < chunk.size(); k++) {
                BatchItem item = items.get(chunk.get(k));
                try {
                    IngestOutcome outcome = ingest.store(articles.get(k));
                    results[chunk.get(k)] = BatchLineResult.accepted(item.file(), item.line(), outcome.httpStatus(),
                            outcome.response());
                } catch (RuntimeException e) {
                    results[chunk.get(k)] = BatchLineResult.rejected(item.file(), item.line(), problemOf(e, item));
                }
            }
        }
        chunk.clear();
        articles.clear();
    }

    private static Problem problemOf(Throwable e, BatchItem item) {
        if (e instanceof ProblemException problem) {
            return problem.problem();
        }
        Log.errorf(e, "storing item %d%s failed", item.line(), item.file() == null ? "" : " of " + item.file());
        return Problem.of(503, "Service Unavailable", "the article could not be stored; retry later");
    }
}
