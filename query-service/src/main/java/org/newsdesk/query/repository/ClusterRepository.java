package org.newsdesk.query.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.newsdesk.query.clustering.StorySummary;

/** Story clusters: finds the earlier articles worth scoring against a new one, and records assignments. */
@ApplicationScoped
public class ClusterRepository {

    @Inject
    Database db;

    /**
     * Clustered articles that share at least {@code minShared} entities with the article and were
     * published within the window (most shared first), plus its near-duplicate original or copies.
     */
    public List<StorySummary> candidates(UUID articleId, Set<Long> entityIds, UUID nearDuplicateOf, Instant from,
                                         Instant to, int minShared, int limit) {
        Set<UUID> ids = new HashSet<>();
        if (!entityIds.isEmpty() && minShared <= entityIds.size()) {
            ids.addAll(db.list("""
                    SELECT ae.article_id FROM article_entities ae JOIN articles a ON a.id = ae.article_id
                    WHERE ae.entity_id = ANY(?) AND ae.published_at BETWEEN ? AND ? AND ae.article_id <> ?
                      AND a.cluster_id IS NOT NULL
                    GROUP BY ae.article_id HAVING count(*) >= ?
                    ORDER BY count(*) DESC LIMIT ?""", row -> Database.uuid(row, "article_id"),
                    new Database.SqlArray("bigint", entityIds.toArray()), from, to, articleId, Math.max(minShared, 1),
                    limit));
        }
        ids.addAll(db.list("""
                SELECT id FROM articles WHERE cluster_id IS NOT NULL AND id <> ?
                  AND (id = ? OR near_duplicate_of = ?)""", row -> Database.uuid(row, "id"),
                articleId, nearDuplicateOf, articleId));
        if (ids.isEmpty()) {
            return List.of();
        }
        Object idArray = new Database.SqlArray("uuid", ids.toArray());
        Map<UUID, Set<Long>> entities = new HashMap<>();
        db.list("SELECT article_id, entity_id FROM article_entities WHERE article_id = ANY(?)", row -> {
            entities.computeIfAbsent(Database.uuid(row, "article_id"), k -> new HashSet<>()).add(row.getLong("entity_id"));
            return null;
        }, idArray);
        Map<UUID, List<float[]>> vectors = new HashMap<>();
        db.list("SELECT article_id, vector FROM paragraph_embeddings WHERE article_id = ANY(?)", row -> {
            vectors.computeIfAbsent(Database.uuid(row, "article_id"), k -> new ArrayList<>())
                    .add(Database.floats(row, "vector"));
            return null;
        }, idArray);
        return db.list("SELECT id, cluster_id, near_duplicate_of, published_at FROM articles WHERE id = ANY(?)",
                row -> {
                    UUID id = Database.uuid(row, "id");
                    return new StorySummary(id, Database.uuid(row, "cluster_id"),
                            Database.uuid(row, "near_duplicate_of"), Database.instant(row, "published_at"),
                            entities.getOrDefault(id, Set.of()), vectors.getOrDefault(id, List.of()));
                }, idArray);
    }

    public void create(UUID clusterId, String label) {
        db.update("INSERT INTO story_clusters (id, label) VALUES (?, ?)", clusterId, label);
    }

    public void assign(UUID articleId, UUID clusterId, String reason, Double score) {
        db.update("UPDATE articles SET cluster_id = ?, cluster_reason = ?, cluster_score = ? WHERE id = ?",
                clusterId, reason, score == null || score.isNaN() ? null : score.floatValue(), articleId);
        db.update("UPDATE story_clusters SET updated_at = now() WHERE id = ?", clusterId);
    }

    /** Clusters whose last article was deleted. */
    public void deleteEmpty(UUID clusterId) {
        if (clusterId != null) {
            db.update("""
                    DELETE FROM story_clusters c WHERE c.id = ?
                      AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.cluster_id = c.id)""", clusterId);
        }
    }
}
