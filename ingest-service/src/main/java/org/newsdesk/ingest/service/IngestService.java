package org.newsdesk.ingest.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
                IngestOutcome outcome = QuarkusTransaction.requiringNew().call(() -> storeInTransaction(prepared));
                if (outcome.kind() == IngestOutcome.Kind.CREATED) {
                    outboxWritten.fire(new OutboxWritten());
                }
                return outcome;
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
        List<IngestOutcome> outcomes = QuarkusTransaction.requiringNew().call(() -> {
            List<IngestOutcome> stored = new java.util.ArrayList<>(prepared.size());
            for (PreparedArticle p : prepared) {
                stored.add(storeInTransaction(p));
            }
            return stored;
        });
        if (outcomes.stream().anyMatch(o -> o.kind() == IngestOutcome.Kind.CREATED)) {
            outboxWritten.fire(new OutboxWritten());
        }
        return outcomes;
    }

    private IngestOutcome storeInTransaction(PreparedArticle p) {
        if (p.externalId() != null) {
            Optional<StoredArticle> existing = articles.findBySourceAndExternalId(p.source(), p.externalId());
            if (existing.isPresent()) {
                return new IngestOutcome(IngestOutcome.Kind.EXISTING, existing.get(), p.warnings());
            }
        }
        Optional<StoredArticle> original = articles.findLiveByContentHash(p.contentHash());
        if (original.isPresent()) {
            return new IngestOutcome(IngestOutcome.Kind.DUPLICATE, original.get(), p.warnings());
        }
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
        nearestOriginal(p).ifPresent(match -> {
            a.nearDuplicateOf = match.id();
            a.nearDuplicateSimilarity = match.similarity();
        });
        articles.persist(a);
        articles.flush();
        articles.insertBandKeys(a.id, p.bandKeys());
        outbox.append(a.id, a.revision, ArticleMapper.eventJson(a));
        return new IngestOutcome(IngestOutcome.Kind.CREATED, a, p.warnings());
    }

    private record NearMatch(UUID id, double similarity) {
    }

    /** The most similar live article at or above the threshold; the first stored wins a tie. */
    private Optional<NearMatch> nearestOriginal(PreparedArticle p) {
        NearMatch best = null;
        for (ArticleRepository.Candidate candidate : articles.nearDuplicateCandidates(p.bandKeys())) {
            MinHashSignature stored = MinHashSignature.fromBytes(candidate.minhash());
            if (stored.size() != p.signature().size()) {
                continue;
            }
            double similarity = p.signature().estimateJaccard(stored);
            if (similarity >= config.nearDuplicateThreshold() && (best == null || similarity > best.similarity())) {
                best = new NearMatch(candidate.id(), similarity);
            }
        }
        return Optional.ofNullable(best);
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
