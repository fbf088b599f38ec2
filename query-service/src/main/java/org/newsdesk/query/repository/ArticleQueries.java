package org.newsdesk.query.repository;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.newsdesk.query.mapping.ApiViews.ArticleEntity;
import org.newsdesk.query.mapping.ApiViews.ArticleRef;
import org.newsdesk.query.mapping.ApiViews.ArticleView;
import org.newsdesk.query.mapping.ApiViews.ClusterArticle;
import org.newsdesk.query.mapping.ApiViews.ClusterRef;
import org.newsdesk.query.mapping.ApiViews.ClusterView;
import org.newsdesk.query.mapping.ApiViews.DateView;
import org.newsdesk.query.mapping.ApiViews.KeyphraseView;
import org.newsdesk.query.mapping.ApiViews.MentionView;

/** One article with everything its annotation gave, and one story cluster with its articles. */
@ApplicationScoped
public class ArticleQueries {

    @Inject
    Database db;

    @Inject
    QuoteQueries quotes;

    @Inject
    FactQueries facts;

    public Optional<ArticleView> article(UUID id) {
        return db.one("SELECT * FROM articles WHERE id = ?", row -> new Object[] {
                row.getString("external_id"), row.getInt("revision"), row.getString("annotator_version"),
                row.getString("source"), row.getString("url"), row.getString("title"), row.getString("byline"),
                row.getString("language"), Database.instant(row, "published_at"), Database.instant(row, "ingested_at"),
                Database.instant(row, "indexed_at"), row.getString("text"), Database.uuid(row, "cluster_id"),
                Database.uuid(row, "near_duplicate_of"), Database.strings(row, "notes")}, id)
                .map(a -> new ArticleView(id, (String) a[0], (Integer) a[1], (String) a[2], (String) a[3],
                        (String) a[4], (String) a[5], (String) a[6], (String) a[7], (java.time.Instant) a[8],
                        (java.time.Instant) a[9], (java.time.Instant) a[10], (String) a[11], entities(id),
                        quotes.ofArticle(id), dates(id), facts.ofArticle(id), keyphrases(id), cluster((UUID) a[12]),
                        a[13] == null ? null : ref((UUID) a[13]).orElse(null), duplicates(id), castStrings(a[14])));
    }

    @SuppressWarnings("unchecked")
    private static List<String> castStrings(Object value) {
        return (List<String>) value;
    }

    private List<ArticleEntity> entities(UUID articleId) {
        Map<Long, ArticleEntity> byId = new LinkedHashMap<>();
        db.list("""
                SELECT e.id, e.name, e.type, e.subtype, ae.mention_count, m.start_offset, m.end_offset, m.text
                FROM article_entities ae JOIN entities e ON e.id = ae.entity_id
                LEFT JOIN mentions m ON m.article_id = ae.article_id AND m.entity_id = ae.entity_id
                WHERE ae.article_id = ? ORDER BY ae.mention_count DESC, e.name, m.start_offset""", row -> {
                    long entityId = row.getLong("id");
                    ArticleEntity entity = byId.computeIfAbsent(entityId, k -> {
                        try {
                            return new ArticleEntity(entityId, row.getString("name"), row.getString("type"),
                                    row.getString("subtype"), row.getInt("mention_count"), new ArrayList<>());
                        } catch (java.sql.SQLException e) {
                            throw new DataAccessException("entities of article", e);
                        }
                    });
                    int start = row.getInt("start_offset");
                    if (!row.wasNull()) {
                        entity.mentions().add(new MentionView(start, row.getInt("end_offset"), row.getString("text")));
                    }
                    return entity;
                }, articleId);
        return new ArrayList<>(byId.values());
    }

    private List<DateView> dates(UUID articleId) {
        return db.list("""
                SELECT start_offset, end_offset, text, value, type, resolved_date, precision
                FROM dates WHERE article_id = ? ORDER BY start_offset""",
                row -> new DateView(row.getInt(1), row.getInt(2), row.getString(3), row.getString(4), row.getString(5),
                        row.getObject(6, java.time.LocalDate.class), row.getString(7)), articleId);
    }

    private List<KeyphraseView> keyphrases(UUID articleId) {
        return db.list("SELECT text, score FROM keyphrases WHERE article_id = ? ORDER BY score DESC, text",
                row -> new KeyphraseView(row.getString(1), row.getDouble(2)), articleId);
    }

    private ClusterRef cluster(UUID clusterId) {
        if (clusterId == null) {
            return null;
        }
        return db.one("""
                SELECT c.id, c.label, (SELECT count(*) FROM articles a WHERE a.cluster_id = c.id) AS n
                FROM story_clusters c WHERE c.id = ?""",
                row -> new ClusterRef(Database.uuid(row, "id"), row.getString("label"), row.getLong("n")), clusterId)
                .orElse(null);
    }

    private Optional<ArticleRef> ref(UUID id) {
        return db.one("SELECT id, title, source, published_at FROM articles WHERE id = ?",
                row -> new ArticleRef(Database.uuid(row, "id"), row.getString("title"), row.getString("source"),
                        Database.instant(row, "published_at")), id);
    }

    private List<ArticleRef> duplicates(UUID id) {
        return db.list("""
                SELECT id, title, source, published_at FROM articles WHERE near_duplicate_of = ?
                ORDER BY published_at, id LIMIT 100""",
                row -> new ArticleRef(Database.uuid(row, "id"), row.getString("title"), row.getString("source"),
                        Database.instant(row, "published_at")), id);
    }

    public Optional<ClusterView> cluster(UUID clusterId, int maxArticles) {
        Optional<String> label = db.one("SELECT label FROM story_clusters WHERE id = ?", row -> row.getString(1), clusterId);
        if (label.isEmpty()) {
            return Optional.empty();
        }
        List<ClusterArticle> articles = db.list("""
                SELECT id, title, source, published_at, cluster_reason, cluster_score, near_duplicate_of
                FROM articles WHERE cluster_id = ? ORDER BY published_at, id LIMIT ?""", row -> {
                    float score = row.getFloat("cluster_score");
                    Double scoreValue = row.wasNull() ? null : (double) score;
                    return new ClusterArticle(Database.uuid(row, "id"), row.getString("title"), row.getString("source"),
                            Database.instant(row, "published_at"), row.getString("cluster_reason"), scoreValue,
                            Database.uuid(row, "near_duplicate_of"));
                }, clusterId, maxArticles);
        var entities = db.list("""
                SELECT e.id, e.name, e.type, count(*) AS n FROM articles a
                JOIN article_entities ae ON ae.article_id = a.id JOIN entities e ON e.id = ae.entity_id
                WHERE a.cluster_id = ? AND NOT e.blocked GROUP BY e.id, e.name, e.type ORDER BY n DESC, e.name LIMIT 20""",
                EntityQueries::entityCount, clusterId);
        return Optional.of(new ClusterView(clusterId, label.get(),
                articles.isEmpty() ? null : articles.get(0).publishedAt(),
                articles.isEmpty() ? null : articles.get(articles.size() - 1).publishedAt(), articles, entities));
    }
}
