package org.newsdesk.query.repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.newsdesk.query.mapping.ApiViews.ArticleHit;
import org.newsdesk.query.mapping.ApiViews.EntityCount;
import org.newsdesk.query.mapping.ApiViews.Facets;
import org.newsdesk.query.mapping.ApiViews.ValueCount;
import org.newsdesk.query.mapping.SnippetMarkup;

/**
 * Full-text search over articles: one indexed query for the page (ranked by {@code ts_rank_cd} or by
 * date, with {@code ts_headline} snippets computed for the page rows only, each from a window of the text around
 * its first match), one for the facets, and a streamed cursor for exports.
 */
@ApplicationScoped
public class SearchRepository {

    /** A page of hits and the number of all matches. */
    public record HitPage(long total, List<ArticleHit> hits) {
    }

    @Inject
    Database db;

    public HitPage search(ArticleFilter filter, boolean byDate, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        String score = filter.hasQuery() ? "ts_rank_cd(a.search, " + ArticleFilter.TSQUERY + ", 32)" : "NULL::real";
        if (filter.hasQuery()) {
            params.add(filter.query());
            params.add(filter.query());
        }
        String where = filter.where(params);
        String order = byDate || !filter.hasQuery() ? "p.published_at DESC, p.id" : "p.score DESC, p.published_at DESC, p.id";
        // newsdesk_headline (migration V3): ts_headline over a window of the text around the first match
        String headline = filter.hasQuery()
                ? "newsdesk_headline(newsdesk_ts_config(a.language), a.text, " + ArticleFilter.TSQUERY + ", ?, ?)"
                : "NULL::text";
        String sql = "WITH p AS (SELECT a.id, a.published_at, " + score + " AS score, count(*) OVER () AS total"
                + " FROM articles a WHERE " + where
                + " ORDER BY " + order.replace("p.", "") + " LIMIT ? OFFSET ?)"
                + " SELECT a.id, a.external_id, a.title, a.source, a.published_at, a.language, a.cluster_id,"
                + " left(a.text, 400) AS opening, p.score, p.total, " + headline + " AS headline"
                + " FROM p JOIN articles a ON a.id = p.id ORDER BY " + order;
        params.add(limit);
        params.add(offset);
        if (filter.hasQuery()) {
            params.add(filter.query());
            params.add(filter.query());
            params.add(SnippetMarkup.HEADLINE_OPTIONS);
            params.add(SnippetMarkup.START);
        }
        long[] total = {-1};
        Database.RowMapper<ArticleHit> mapper = row -> {
            total[0] = row.getLong("total");
            return hit(row);
        };
        List<ArticleHit> hits = list(filter.hasQuery(), sql, mapper, params);
        if (total[0] < 0) {
            total[0] = offset == 0 ? 0 : count(filter);
        }
        return new HitPage(total[0], hits);
    }

    public long count(ArticleFilter filter) {
        List<Object> params = new ArrayList<>();
        String where = filter.where(params);
        return db.one("SELECT count(*) FROM articles a WHERE " + where, row -> row.getLong(1), params.toArray()).orElse(0L);
    }

    public Facets facets(ArticleFilter filter, String entityType) {
        List<Object> params = new ArrayList<>();
        String where = filter.where(params);
        return facets(where, params, entityType, filter.hasQuery());
    }

    /** The facets of exactly these articles (the matches of a semantic search). */
    public Facets facets(Collection<UUID> articleIds, String entityType) {
        List<Object> params = new ArrayList<>();
        params.add(new Database.SqlArray("uuid", articleIds.toArray()));
        return facets("a.id = ANY(?)", params, entityType, false);
    }

    /**
     * The entity facet counts matches per entity id first and joins names only for the entities whose count
     * reaches the tenth highest (of entities that pass the blocked and type conditions, walked in count order):
     * the same ten, in the same order (count, then name), without joining every named entity of every match.
     * The threshold walks the 100 highest counts (a top-N sort, not a sort of every entity of the matches); when
     * fewer than ten of those pass, it is 0 and every counted entity is joined, which is slower but still right.
     * Names are looked up by id for the entities over the threshold (a nested loop, never a scan of all entities).
     */
    private Facets facets(String where, List<Object> params, String entityType, boolean fullText) {
        String typeCondition = "";
        String thresholdTypeCondition = "";
        if (entityType != null) {
            thresholdTypeCondition = " AND b.type = ?";
            typeCondition = " AND e.type = ?";
            params.add(entityType);
            params.add(entityType);
        }
        String sql = "WITH m AS MATERIALIZED (SELECT a.id, a.source, a.language, a.published_at FROM articles a WHERE "
                + where + "),"
                + " c AS MATERIALIZED (SELECT ae.entity_id, count(*) AS n FROM m JOIN article_entities ae"
                + "  ON ae.article_id = m.id GROUP BY ae.entity_id)"
                + " (SELECT 'entity' AS facet, e.name AS value, c.entity_id, e.type AS entity_type, c.n"
                + "  FROM c CROSS JOIN LATERAL (SELECT e.name, e.type FROM entities e WHERE e.id = c.entity_id"
                + "   AND NOT e.blocked" + typeCondition + " OFFSET 0) e"
                + "  WHERE c.n >= coalesce((SELECT t.n FROM (SELECT * FROM c ORDER BY n DESC LIMIT 100) t JOIN LATERAL"
                + "   (SELECT 1 FROM entities b WHERE b.id = t.entity_id AND NOT b.blocked" + thresholdTypeCondition
                + "   ) ok ON true ORDER BY t.n DESC OFFSET 9 LIMIT 1), 0)"
                + "  ORDER BY c.n DESC, e.name LIMIT 10)"
                + " UNION ALL (SELECT 'source', m.source, NULL, NULL, count(*) FROM m GROUP BY m.source"
                + "  ORDER BY count(*) DESC, m.source LIMIT 10)"
                + " UNION ALL (SELECT 'language', m.language, NULL, NULL, count(*) FROM m GROUP BY m.language"
                + "  ORDER BY count(*) DESC, m.language LIMIT 10)"
                + " UNION ALL (SELECT 'month', to_char(m.published_at AT TIME ZONE 'UTC', 'YYYY-MM'), NULL, NULL, count(*)"
                + "  FROM m GROUP BY 2 ORDER BY 2 DESC LIMIT 24)";
        List<EntityCount> entities = new ArrayList<>();
        List<ValueCount> sources = new ArrayList<>();
        List<ValueCount> languages = new ArrayList<>();
        List<ValueCount> months = new ArrayList<>();
        Database.RowMapper<String> mapper = row -> {
            String facet = row.getString("facet");
            long n = row.getLong("n");
            switch (facet) {
                case "entity" -> entities.add(new EntityCount(row.getLong("entity_id"), row.getString("value"),
                        row.getString("entity_type"), n));
                case "source" -> sources.add(new ValueCount(row.getString("value"), n));
                case "language" -> languages.add(new ValueCount(row.getString("value"), n));
                default -> months.add(new ValueCount(row.getString("value"), n));
            }
            return facet;
        };
        list(fullText, sql, mapper, params);
        return new Facets(entities, sources, languages, months);
    }

    /** Full-text matches go through {@link Database#listUsingIndexes} (the GIN index, not a scan); the rest as usual. */
    private <T> List<T> list(boolean fullText, String sql, Database.RowMapper<T> mapper, List<Object> params) {
        return fullText ? db.listUsingIndexes(sql, mapper, params.toArray()) : db.list(sql, mapper, params.toArray());
    }

    /** The columns of a hit and the text, of the given articles (those that still exist), keyed by id. */
    public Map<UUID, HitRow> rows(Collection<UUID> articleIds) {
        Map<UUID, HitRow> rows = new HashMap<>();
        if (articleIds.isEmpty()) {
            return rows;
        }
        db.list("SELECT id, external_id, title, source, published_at, language, cluster_id, text FROM articles"
                + " WHERE id = ANY(?)", row -> rows.put(Database.uuid(row, "id"), new HitRow(Database.uuid(row, "id"),
                row.getString("external_id"), row.getString("title"), row.getString("source"),
                Database.instant(row, "published_at"), row.getString("language"), Database.uuid(row, "cluster_id"),
                row.getString("text"))), new Database.SqlArray("uuid", articleIds.toArray()));
        return rows;
    }

    /** An article as a search hit shows it, with its whole text (for a snippet cut elsewhere). */
    public record HitRow(UUID id, String externalId, String title, String source, java.time.Instant publishedAt,
                         String language, UUID clusterId, String text) {
    }

    /** Streams every match (newest first, at most {@code limit}) to {@code consumer}. */
    public void export(ArticleFilter filter, int limit, Database.RowConsumer consumer) {
        List<Object> params = new ArrayList<>();
        String score = filter.hasQuery() ? "ts_rank_cd(a.search, " + ArticleFilter.TSQUERY + ", 32)" : "NULL::real";
        if (filter.hasQuery()) {
            params.add(filter.query());
            params.add(filter.query());
        }
        String where = filter.where(params);
        params.add(limit);
        db.stream("SELECT a.id, a.external_id, a.title, a.source, a.url, a.published_at, a.language, a.cluster_id, "
                + score + " AS score FROM articles a WHERE " + where
                + " ORDER BY a.published_at DESC, a.id LIMIT ?", 500, consumer, params.toArray());
    }

    private static ArticleHit hit(ResultSet row) throws SQLException {
        String headline = row.getString("headline");
        float score = row.getFloat("score");
        Double scoreValue = row.wasNull() ? null : (double) score;
        return new ArticleHit(Database.uuid(row, "id"), row.getString("external_id"), row.getString("title"),
                row.getString("source"), Database.instant(row, "published_at"), row.getString("language"),
                headline != null ? SnippetMarkup.toHtml(headline) : SnippetMarkup.opening(row.getString("opening"), 240),
                scoreValue, Database.uuid(row, "cluster_id"));
    }
}
