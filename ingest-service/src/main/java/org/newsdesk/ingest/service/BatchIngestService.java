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
 * one transaction per item, so that within a batch the first of two identical texts is the original and a failed
 * item never rolls back another.
 */
@ApplicationScoped
public class BatchIngestService {

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
        List<BatchLineResult> results = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            BatchItem item = items.get(i);
            if (item.problem() != null) {
                results.add(BatchLineResult.rejected(item.file(), item.line(), item.problem()));
                continue;
            }
            try {
                IngestOutcome outcome = ingest.store(prepared.get(i).join());
                results.add(BatchLineResult.accepted(item.file(), item.line(), outcome.httpStatus(), outcome.response()));
            } catch (CompletionException e) {
                results.add(BatchLineResult.rejected(item.file(), item.line(), problemOf(e.getCause(), item)));
            } catch (RuntimeException e) {
                results.add(BatchLineResult.rejected(item.file(), item.line(), problemOf(e, item)));
            }
        }
        return results;
    }

    private static Problem problemOf(Throwable e, BatchItem item) {
        if (e instanceof ProblemException problem) {
            return problem.problem();
        }
        Log.errorf(e, "storing item %d%s failed", item.line(), item.file() == null ? "" : " of " + item.file());
        return Problem.of(503, "Service Unavailable", "the article could not be stored; retry later");
    }
}
