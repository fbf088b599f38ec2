package org.newsdesk.ingest.repository;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/**
 * Reads and writes {@link StoredArticle} rows and their LSH band keys. Every method must run inside the caller's
 * transaction; none of them decides anything about duplicates or statuses beyond the SQL it is asked for.
 */
@ApplicationScoped
public class ArticleRepository implements PanacheRepositoryBase<StoredArticle, UUID> {

    /** A stored article that shares a band key with a new one, with its signature for verification. */
    public record Candidate(UUID id, byte[] minhash) {
    }

    public Optional<StoredArticle> findBySourceAndExternalId(String source, String externalId) {
        return find("coalesce(source, '') = :source and externalId = :externalId",
                Parameters.with("source", source == null ? "" : source).and("externalId", externalId))
                .firstResultOptional();
    }

    /** The live (not deleted) article with this content hash, if any. */
    public Optional<StoredArticle> findLiveByContentHash(String contentHash) {
        return find("contentHash = ?1 and status <> ?2", contentHash, ArticleStatus.DELETED).firstResultOptional();
    }

    /** Live articles sharing at least one band key, with their signatures. */
    public List<Candidate> nearDuplicateCandidates(List<Long> bandKeys) {
        List<Candidate> candidates = new ArrayList<>();
        session().doWork(connection -> {
            try (PreparedStatement st = connection.prepareStatement("""
                    select a.id, a.minhash from article a
                    where a.id in (select b.article_id from article_band b where b.band_key = any(?))
                      and a.status <> 'DELETED'
                    """)) {
                Array keys = connection.createArrayOf("bigint", bandKeys.toArray());
                st.setArray(1, keys);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        candidates.add(new Candidate(rs.getObject(1, UUID.class), rs.getBytes(2)));
                    }
                }
            }
        });
        return candidates;
    }

    public void insertBandKeys(UUID articleId, List<Long> bandKeys) {
        session().doWork(connection -> {
            try (PreparedStatement st = connection.prepareStatement("""
                    insert into article_band (band_key, article_id)
                    select distinct k, ? from unnest(?) as k on conflict do nothing
                    """)) {
                st.setObject(1, articleId);
                st.setArray(2, connection.createArrayOf("bigint", bandKeys.toArray()));
                st.executeUpdate();
            }
        });
    }

    /** A deleted article must no longer be anybody's near-duplicate original. */
    public void deleteBandKeys(UUID articleId) {
        session().doWork(connection -> {
            try (PreparedStatement st = connection.prepareStatement("delete from article_band where article_id = ?")) {
                st.setObject(1, articleId);
                st.executeUpdate();
            }
        });
    }

    /**
     * Moves the status forward for the given revision only (see {@link ArticleStatus#replaceable()}): rows of another
     * revision, and rows already at or beyond {@code status} (or deleted), are left alone. FAILED also applies when
     * the event names a newer revision than the stored one, and replaces any status but DELETED.
     *
     * @return true when the row changed
     */
    public boolean advanceStatus(UUID id, int revision, ArticleStatus status, String failureReason) {
        // A failure report counts for the stored revision when it names that one or a newer one; every other
        // event only for exactly the stored revision. An event about an older revision never moves the status.
        String sameRevision = status == ArticleStatus.FAILED ? "revision <= :revision" : "revision = :revision";
        int updated = update("status = :status, failureReason = :reason, updatedAt = :now "
                        + "where id = :id and " + sameRevision + " and status in :replaceable",
                Parameters.with("status", status).and("reason", failureReason).and("now", Instant.now())
                        .and("id", id).and("revision", revision).and("replaceable", status.replaceable()));
        return updated > 0;
    }

    /** Newest first, optionally filtered by status and by reception time. */
    public PanacheQuery<StoredArticle> listing(ArticleStatus status, Instant since, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (status != null) {
            where.append(" and status = :status");
            params.and("status", status);
        }
        if (since != null) {
            where.append(" and receivedAt >= :since");
            params.and("since", since);
        }
        return find(where.toString(), Sort.descending("receivedAt").and("id"), params).page(Page.of(page, size));
    }

    private Session session() {
        return getEntityManager().unwrap(Session.class);
    }
}
