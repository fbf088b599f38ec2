package org.newsdesk.ingest.repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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
    public record BandCandidate(long bandKey, UUID id, byte[] minhash) {
    }

    /** Stored articles (deleted ones too) whose externalId is one of these, whatever their source. */
    public List<StoredArticle> findByExternalIds(Collection<String> externalIds) {
        return externalIds.isEmpty() ? List.of() : list("externalId in ?1", externalIds);
    }

    /** The live (not deleted) articles with one of these content hashes. */
    public List<StoredArticle> findLiveByContentHashes(Collection<String> contentHashes) {
        return contentHashes.isEmpty() ? List.of()
                : list("contentHash in ?1 and status <> ?2", contentHashes, ArticleStatus.DELETED);
    }

    /**
     * Live articles holding at least one of the band keys, one row per shared key, oldest first (so that the
     * first stored of two equally similar originals wins).
     */
    public List<BandCandidate> nearDuplicateCandidates(Collection<Long> bandKeys) {
        List<BandCandidate> candidates = new ArrayList<>();
        if (bandKeys.isEmpty()) {
            return candidates;
        }
        session().doWork(connection -> {
            try (PreparedStatement st = connection.prepareStatement("""
                    select b.band_key, a.id, a.minhash from article_band b join article a on a.id = b.article_id
                    where b.band_key = any(?) and a.status <> 'DELETED'
                    order by a.received_at, a.id
                    """)) {
                st.setArray(1, connection.createArrayOf("bigint", bandKeys.toArray()));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        candidates.add(new BandCandidate(rs.getLong(1), rs.getObject(2, UUID.class), rs.getBytes(3)));
                    }
                }
            }
        });
        return candidates;
    }

    /** Inserts the band keys of several articles in one statement. */
    public void insertBandKeys(Map<UUID, List<Long>> bandKeysByArticle) {
        List<Long> keys = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        bandKeysByArticle.forEach((id, articleKeys) -> articleKeys.forEach(key -> {
            keys.add(key);
            ids.add(id);
        }));
        if (keys.isEmpty()) {
            return;
        }
        session().doWork(connection -> {
            try (PreparedStatement st = connection.prepareStatement("""
                    insert into article_band (band_key, article_id)
                    select distinct k, a from unnest(?, ?) as t(k, a) on conflict do nothing
                    """)) {
                st.setArray(1, connection.createArrayOf("bigint", keys.toArray()));
                st.setArray(2, connection.createArrayOf("uuid", ids.toArray()));
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
