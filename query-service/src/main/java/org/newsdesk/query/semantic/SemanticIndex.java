package org.newsdesk.query.semantic;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.newsdesk.query.config.QueryConfig;
import org.newsdesk.query.repository.VectorRepository;
import org.newsdesk.query.repository.VectorRepository.Fingerprint;
import org.newsdesk.query.repository.VectorRepository.StoredVectors;

import io.quarkus.logging.Log;

/**
 * Keeps the {@link VectorIndex} of this process in step with the database, lazily: nothing is read until the first
 * semantic search, then only what changed. PostgreSQL here has no pgvector, so the cosines are computed in Java over
 * this in-memory copy (a full scan, linear in the number of stored vectors).
 * <p>
 * Two ways a change becomes visible. This instance's consumer calls {@link #changed} after it committed an article
 * or a tombstone, so the next search looks at once (a reader who just ingested finds the article). Other instances
 * share the database but not this memory; for them a search looks at most every
 * {@code newsdesk.query.semantic.refresh-interval}: a cheap fingerprint (count, latest {@code indexed_at}) and, when
 * it moved, a diff of (id, indexed_at) that loads only new or re-indexed articles and drops deleted ones. A
 * re-index committed out of order (its {@code indexed_at}, a transaction start time, older than the latest seen)
 * leaves the fingerprint unchanged; the unconditional diff every {@link #FULL_CHECK_EVERY} intervals catches it.
 */
@ApplicationScoped
public class SemanticIndex {

    /** Every this many refresh intervals the (id, indexed_at) diff runs even when the fingerprint did not move. */
    static final int FULL_CHECK_EVERY = 12;

    private static final int LOAD_BATCH = 500;

    @Inject
    VectorRepository repository;

    @Inject
    QueryConfig config;

    private final VectorIndex index = new VectorIndex();
    private final ReentrantLock refreshing = new ReentrantLock();
    private volatile boolean dirty = true;
    private volatile long checkedAt;
    private volatile long diffedAt;
    private volatile Fingerprint known;

    /** Called after an article was indexed or deleted by this instance (after the commit). */
    public void changed(UUID articleId) {
        dirty = true;
    }

    /** The articles whose cosine with the query reaches the configured minimum, best first. */
    public List<VectorIndex.Match> rank(float[] query, Collection<UUID> allowed) {
        refreshIfStale();
        QueryConfig.Semantic semantic = config.semantic();
        return index.rank(query, allowed, semantic.minScore(), semantic.maxResults());
    }

    public VectorIndex.Entry entry(UUID id) {
        return index.get(id);
    }

    void refreshIfStale() {
        long now = System.nanoTime();
        long interval = config.semantic().refreshInterval().toNanos();
        if (!dirty && now - checkedAt < interval) {
            return;
        }
        refreshing.lock();
        try {
            now = System.nanoTime();
            if (!dirty && now - checkedAt < interval) {
                return; // another search refreshed while this one waited
            }
            dirty = false; // a change committed from here on marks it again
            Fingerprint fingerprint = repository.fingerprint();
            boolean fullCheckDue = now - diffedAt >= interval * FULL_CHECK_EVERY;
            if (known == null || !Objects.equals(fingerprint, known) || fullCheckDue) {
                diff();
                diffedAt = now;
            }
            known = fingerprint;
            checkedAt = now;
        } catch (RuntimeException e) {
            dirty = true;
            throw e;
        } finally {
            refreshing.unlock();
        }
    }

    private void diff() {
        long start = System.nanoTime();
        Map<UUID, Instant> versions = repository.versions();
        int removed = 0;
        for (UUID id : List.copyOf(index.ids())) {
            if (!versions.containsKey(id)) {
                index.remove(id);
                removed++;
            }
        }
        List<UUID> stale = new ArrayList<>();
        versions.forEach((id, indexedAt) -> {
            VectorIndex.Entry entry = index.get(id);
            if (entry == null || !Objects.equals(entry.indexedAt(), indexedAt)) {
                stale.add(id);
            }
        });
        for (int from = 0; from < stale.size(); from += LOAD_BATCH) {
            List<UUID> batch = stale.subList(from, Math.min(stale.size(), from + LOAD_BATCH));
            Set<UUID> found = new java.util.HashSet<>();
            for (StoredVectors v : repository.vectors(batch)) {
                index.put(VectorIndex.entry(v.id(), v.indexedAt(), v.publishedAt(), v.document(), v.paragraphs(),
                        v.offsets()));
                found.add(v.id());
            }
            for (UUID id : batch) {
                if (!found.contains(id)) {
                    index.remove(id); // deleted between the two reads
                }
            }
        }
        if (removed > 0 || !stale.isEmpty()) {
            Log.debugf("semantic index: %d loaded, %d removed, %d articles, in %d ms", stale.size(), removed,
                    index.size(), (System.nanoTime() - start) / 1_000_000);
        }
    }
}
