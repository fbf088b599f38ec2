package org.newsdesk.ingest.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

import org.hibernate.exception.ConstraintViolationException;
import org.newsdesk.contracts.problem.ProblemException;
import org.newsdesk.ingest.config.IngestConfig;
import org.newsdesk.ingest.dedup.MinHashSignature;
import org.newsdesk.ingest.mapping.ArticleMapper;
import org.newsdesk.ingest.model.IncomingArticle;
import org.newsdesk.ingest.repository.ArticleRepository;
import org.newsdesk.ingest.repository.ArticleStatus;
import org.newsdesk.ingest.repository.OutboxRepository;
import org.newsdesk.ingest.repository.StoredArticle;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Accepts one article: prepares it, then in one transaction checks for the same (source, externalId), an exact
 * duplicate and near duplicates, and stores the article with its band keys and its outbox row. The article is
 * never stored without its outbox row, so an accepted article always reaches Kafka eventually.
 * <p>
 * It never publishes directly: the relay does, after the commit. Two replicas ingesting the same text at once
 * collide on the content-hash index; the loser retries and answers DUPLICATE.
 */
@ApplicationScoped
public class IngestService {

    private static final int ATTEMPTS = 3;

    @Inject
    ArticlePreparer preparer;

    @Inject
    ArticleRepository articles;

    @Inject
    OutboxRepository outbox;

    @Inject
    IngestConfig config;

    @Inject
    Event<OutboxWritten> outboxWritten;

    /** Fired after a commit that wrote outbox rows, so the relay can start at once instead of at its next poll. */
    public record OutboxWritten() {
    }

    public IngestOutcome ingest(IncomingArticle article, List<String> inputWarnings) {
        return store(preparer.prepare(article, inputWarnings));
    }

    /** Stores a prepared article (see the class comment); safe to call from many threads. */
    public IngestOutcome store(PreparedArticle prepared) {
        for (int attempt = 1; ; attempt++) {
            try {
                return storeAllInOneTransaction(List.of(prepared)).get(0);
            } catch (RuntimeException e) {
                if (attempt < ATTEMPTS && isUniqueViolation(e)) {
                    Log.debugf("ingest of externalId=%s raced with another; retrying", prepared.externalId());
                    continue;
                }
                throw e;
            }
        }
    }

    /**
     * Stores several prepared articles, in order, in one transaction: a batch pays for one commit instead of one per
     * article, and a later article still sees an earlier one of the same batch as its duplicate. If the transaction
     * fails (a race with another replica, say), nothing of it is kept and the caller stores the articles one by one.
     */
    public List<IngestOutcome> storeAllInOneTransaction(List<PreparedArticle> prepared) {
        List<IngestOutcome> outcomes = QuarkusTransaction.requiringNew().call(() -> storeInTransaction(prepared));
        if (outcomes.stream().anyMatch(o -> o.kind() == IngestOutcome.Kind.CREATED)) {
            outboxWritten.fire(new OutboxWritten());
        }
        return outcomes;
    }

    /**
     * The decisions for a chunk, with a fixed number of statements whatever its size: three lookups (same
     * externalId, same content, shared band keys), then the inserts batched. Each article is decided as if the
     * chunk's earlier articles were already stored, so the result is the same as storing them one at a time.
     */
    private List<IngestOutcome> storeInTransaction(List<PreparedArticle> chunk) {
        ChunkState state = new ChunkState();
        state.byExternalId(articles.findByExternalIds(chunk.stream().map(PreparedArticle::externalId)
                .filter(java.util.Objects::nonNull).distinct().toList()));
        articles.findLiveByContentHashes(chunk.stream().map(PreparedArticle::contentHash).distinct().toList())
                .forEach(a -> state.byContentHash.putIfAbsent(a.contentHash, a));
        articles.nearDuplicateCandidates(chunk.stream().flatMap(p -> p.bandKeys().stream()).distinct().toList())
                .forEach(c -> state.addCandidate(c.bandKey(), c.id(), MinHashSignature.fromBytes(c.minhash())));

        List<IngestOutcome> outcomes = new ArrayList<>(chunk.size());
        List<StoredArticle> created = new ArrayList<>();
        Map<UUID, List<Long>> bandKeys = new LinkedHashMap<>();
        for (PreparedArticle p : chunk) {
            StoredArticle existing = p.externalId() == null ? null : state.existing(p.source(), p.externalId());
            if (existing != null) {
                outcomes.add(new IngestOutcome(IngestOutcome.Kind.EXISTING, existing, p.warnings()));
                continue;
            }
            StoredArticle original = state.byContentHash.get(p.contentHash());
            if (original != null) {
                outcomes.add(new IngestOutcome(IngestOutcome.Kind.DUPLICATE, original, p.warnings()));
                continue;
            }
            StoredArticle a = newArticle(p);
            state.nearestOriginal(p).ifPresent(match -> {
                a.nearDuplicateOf = match.id();
                a.nearDuplicateSimilarity = match.similarity();
            });
            state.add(a, p);
            created.add(a);
            bandKeys.put(a.id, p.bandKeys());
            outcomes.add(new IngestOutcome(IngestOutcome.Kind.CREATED, a, p.warnings()));
        }
        if (!created.isEmpty()) {
            articles.persist(created);
            articles.flush(); // the band keys and outbox rows below reference the rows by plain SQL
            articles.insertBandKeys(bandKeys);
            outbox.appendAll(created.stream()
                    .map(a -> new OutboxRepository.NewEvent(a.id, a.revision, ArticleMapper.eventJson(a))).toList());
        }
        return outcomes;
    }

    private static StoredArticle newArticle(PreparedArticle p) {
        StoredArticle a = new StoredArticle();
        a.id = UUID.randomUUID();
        a.source = p.source();
        a.externalId = p.externalId();
        a.title = p.title();
        a.byline = p.byline();
        a.url = p.url();
        a.language = p.language();
        a.publishedAt = p.publishedAt();
        a.rawText = p.rawText();
        a.rawHtml = p.rawHtml();
        a.cleanText = p.cleanText();
        a.contentHash = p.contentHash();
        a.minhash = p.signature().toBytes();
        a.status = ArticleStatus.RECEIVED;
        a.warnings = p.warnings();
        a.revision = 1;
        a.receivedAt = Instant.now();
        a.updatedAt = a.receivedAt;
        return a;
    }

    private record NearMatch(UUID id, double similarity) {
    }

    /**
     * What one chunk's decisions need to know: the stored articles the lookups found, plus the chunk's own new
     * articles as they are decided.
     */
    private final class ChunkState {

        private final Map<String, StoredArticle> byExternalId = new HashMap<>();
        private final Map<String, StoredArticle> byContentHash = new HashMap<>();
        /** Band key to the live articles holding it, oldest first. */
        private final Map<Long, List<UUID>> byBandKey = new HashMap<>();
        private final Map<UUID, MinHashSignature> signatures = new HashMap<>();

        /** (source, externalId) is unique, the source compared as the unique index does: null as empty. */
        private static String key(String source, String externalId) {
            return (source == null ? "" : source) + '\u0000' + externalId;
        }

        void byExternalId(List<StoredArticle> found) {
            found.forEach(a -> byExternalId.put(key(a.source, a.externalId), a));
        }

        StoredArticle existing(String source, String externalId) {
            return byExternalId.get(key(source, externalId));
        }

        void addCandidate(long bandKey, UUID id, MinHashSignature signature) {
            List<UUID> holders = byBandKey.computeIfAbsent(bandKey, k -> new ArrayList<>());
            if (!holders.contains(id)) {
                holders.add(id);
            }
            signatures.putIfAbsent(id, signature);
        }

        void add(StoredArticle a, PreparedArticle p) {
            if (a.externalId != null) {
                byExternalId.put(key(a.source, a.externalId), a);
            }
            byContentHash.put(a.contentHash, a);
            for (long bandKey : p.bandKeys()) {
                addCandidate(bandKey, a.id, p.signature());
            }
        }

        /** The most similar live article at or above the threshold; the first stored wins a tie. */
        Optional<NearMatch> nearestOriginal(PreparedArticle p) {
            NearMatch best = null;
            Set<UUID> compared = new HashSet<>();
            for (long bandKey : p.bandKeys()) {
                for (UUID id : byBandKey.getOrDefault(bandKey, List.of())) {
                    if (!compared.add(id)) {
                        continue;
                    }
                    MinHashSignature stored = signatures.get(id);
                    if (stored.size() != p.signature().size()) {
                        continue;
                    }
                    double similarity = p.signature().estimateJaccard(stored);
                    if (similarity >= config.nearDuplicateThreshold() && (best == null || similarity > best.similarity())) {
                        best = new NearMatch(id, similarity);
                    }
                }
            }
            return Optional.ofNullable(best);
        }
    }

    /** Marks an article deleted and queues its tombstone; deleting twice queues nothing more. */
    public void delete(UUID id) {
        QuarkusTransaction.requiringNew().run(() -> {
            StoredArticle a = articles.findByIdOptional(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                    .orElseThrow(() -> ProblemException.notFound("no article " + id));
            if (a.status == ArticleStatus.DELETED) {
                return;
            }
            a.status = ArticleStatus.DELETED;
            a.failureReason = null;
            a.updatedAt = Instant.now();
            articles.deleteBandKeys(a.id);
            outbox.append(a.id, a.revision, null);
        });
        outboxWritten.fire(new OutboxWritten());
    }

    /** Publishes the stored article again as revision + 1, for fresh annotation. */
    public StoredArticle reprocess(UUID id) {
        StoredArticle result = QuarkusTransaction.requiringNew().call(() -> {
            StoredArticle a = articles.findByIdOptional(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                    .orElseThrow(() -> ProblemException.notFound("no article " + id));
            if (a.status == ArticleStatus.DELETED) {
                throw new ProblemException(409, "Conflict", "article " + id + " is deleted and cannot be reprocessed");
            }
            a.revision += 1;
            a.status = ArticleStatus.RECEIVED;
            a.failureReason = null;
            a.updatedAt = Instant.now();
            outbox.append(a.id, a.revision, ArticleMapper.eventJson(a));
            return a;
        });
        outboxWritten.fire(new OutboxWritten());
        return result;
    }

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException cve) {
                return "23505".equals(cve.getSQLState());
            }
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return e instanceof PersistenceException && String.valueOf(e.getMessage()).contains("duplicate key");
    }
}
