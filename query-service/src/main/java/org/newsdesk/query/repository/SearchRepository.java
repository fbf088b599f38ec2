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
 * Full-text search over articles: one indexed statement for the page (ranked by {@code ts_rank_cd} or by date, with
 * {@code ts_headline} snippets computed for the page rows only, each from a window of the text around its first
 * match), the total and the facets, all over one scan of the matches; and a streamed cursor for exports.
 */
@ApplicationScoped
public class SearchRepository {

    /** A page of hits, the number of all matches, and the facets of all matches. */
    public record HitPage(long total, List<ArticleHit> hits, Facets facets) {
    }

    /**
     * The columns of every row of the search and facet statements: which row it is ({@code hit}, {@code total} or a
     * facet), a facet's value and count, and a hit's columns ({@code NULL} in the other rows).
     */
    private static final String NO_HIT = ", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL";

    @Inject
    Database db;

    /**
     * The page, the total and the facets from one statement over one scan of the matches ({@code m}, materialised
     * once): the page is the top of {@code m} (ranked by {@code ts_rank_cd} or by date), its rows are then read for
     * their columns and snippet ({@code newsdesk_headline} for the page rows only), and the total and the facets
     * count {@code m} itself.
     */
    public HitPage search(ArticleFilter filter, String entityType, boolean byDate, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        String score = filter.hasQuery() ? "ts_rank_cd(a.search, " + ArticleFilter.TSQUERY + ", 32)" : "NULL::real";
        if (filter.hasQuery()) {
            params.add(filter.query());
            params.add(filter.query());
        }
        String matches = "SELECT a.id, a.source, a.language, a.published_at, " + score + " AS score FROM articles a"
                + " WHERE " + filter.where(params);
        String order = byDate || !filter.hasQuery() ? "p.published_at DESC, p.id" : "p.score DESC, p.published_at DESC, p.id";
        // newsdesk_headline (migration V3): ts_headline over a window of the text around the first match
        String headline = filter.hasQuery()
                ? "newsdesk_headline(newsdesk_ts_config(a.language), a.text, " + ArticleFilter.TSQUERY + ", ?, ?)"
                : "NULL::text";
        String page = " p AS MATERIALIZED (SELECT m.id, m.published_at, m.score FROM m ORDER BY "
                + order.replace("p.", "m.") + " LIMIT ? OFFSET ?),";
        String pageRows = " (SELECT 'hit' AS facet, NULL AS value, NULL::bigint AS entity_id, NULL AS entity_type,"
                + " NULL::bigint AS n, a.id, a.external_id, a.title, a.source, a.published_at, a.language, a.cluster_id,"
                + " left(a.text, 400) AS opening, p.score, " + headline + " AS headline"
                + " FROM p JOIN articles a ON a.id = p.id ORDER BY " + order + ")"
                + " UNION ALL SELECT 'total', NULL, NULL, NULL, count(*)" + NO_HIT + " FROM m UNION ALL";
        params.add(limit);
        params.add(offset);
        if (filter.hasQuery()) {
            params.add(filter.query());
            params.add(filter.query());
            params.add(SnippetMarkup.HEADLINE_OPTIONS);
            params.add(SnippetMarkup.START);
        }
        FacetRows rows = facetRows(matches, page, pageRows, params, entityType, filter.hasQuery());
        return new HitPage(rows.total, rows.hits, rows.facets());
    }

    /** The facets of exactly these articles (the matches of a semantic search). */
    public Facets facets(Collection<UUID> articleIds, String entityType) {
        List<Object> params = new ArrayList<>();
        params.add(new Database.SqlArray("uuid", articleIds.toArray()));
        return facetRows("SELECT a.id, a.source, a.language, a.published_at FROM articles a WHERE a.id = ANY(?)",
                "", "", params, entityType, false).facets();
    }

    /** What one search or facet statement answered, row by row. */
    private static final class FacetRows {
        final List<ArticleHit> hits = new ArrayList<>();
        long total;
        final List<EntityCount> entities = new ArrayList<>();
        final List<ValueCount> sources = new ArrayList<>();
        final List<ValueCount> languages = new ArrayList<>();
        final List<ValueCount> months = new ArrayList<>();

        Facets facets() {
            return new Facets(entities, sources, languages, months);
        }
    }

    /**
     * Runs the facet statement over the articles {@code matches} selects (materialised as {@code m}), with
     * {@code pageCtes} and {@code pageRows} (the search page's CTEs and rows, whose parameters are already in
     * {@code params}) before the facets.
     * <p>
     * The entity facet counts matches per entity id first and joins names only for the entities whose count
     * reaches the tenth highest (of entities that pass the blocked and type conditions, walked in count order):
     * the same ten, in the same order (count, then name), without joining every named entity of every match.
     * The threshold walks the 100 highest counts (a top-N sort, not a sort of every entity of the matches); when
     * fewer than ten of those pass, it is 0 and every counted entity is joined, which is slower but still right.
     * Names are looked up by id for the entities over the threshold (a nested loop, never a scan of all entities).
     */
    private FacetRows facetRows(String matches, String pageCtes, String pageRows, List<Object> params,
                                String entityType, boolean fullText) {
        String typeCondition = "";
        String thresholdTypeCondition = "";
        if (entityType != null) {
            thresholdTypeCondition = " AND b.type = ?";
            typeCondition = " AND e.type = ?";
            params.add(entityType);
            params.add(entityType);
        }
        String sql = "WITH m AS MATERIALIZED (" + matches + ")," + pageCtes
                + " c AS MATERIALIZED (SELECT ae.entity_id, count(*) AS n FROM m JOIN article_entities ae"
                + "  ON ae.article_id = m.id GROUP BY ae.entity_id)"
                + pageRows
                + " (SELECT 'entity' AS facet, e.name AS value, c.entity_id, e.type AS entity_type, c.n" + NO_HIT
                + "  FROM c CROSS JOIN LATERAL (SELECT e.name, e.type FROM entities e WHERE e.id = c.entity_id"
                + "   AND NOT e.blocked" + typeCondition + " OFFSET 0) e"
                + "  WHERE c.n >= coalesce((SELECT t.n FROM (SELECT * FROM c ORDER BY n DESC LIMIT 100) t JOIN LATERAL"
                + "   (SELECT 1 FROM entities b WHERE b.id = t.entity_id AND NOT b.blocked" + thresholdTypeCondition
                + "   ) ok ON true ORDER BY t.n DESC OFFSET 9 LIMIT 1), 0)"
                + "  ORDER BY c.n DESC, e.name LIMIT 10)"
                + " UNION ALL (SELECT 'source', m.source, NULL, NULL, count(*)" + NO_HIT + " FROM m GROUP BY m.source"
                + "  ORDER BY count(*) DESC, m.source LIMIT 10)"
                + " UNION ALL (SELECT 'language', m.language, NULL, NULL, count(*)" + NO_HIT + " FROM m"
                + "  GROUP BY m.language ORDER BY count(*) DESC, m.language LIMIT 10)"
                + " UNION ALL (SELECT 'month', to_char(m.published_at AT TIME ZONE 'UTC', 'YYYY-MM'), NULL, NULL, count(*)"
                + NO_HIT + " FROM m GROUP BY 2 ORDER BY 2 DESC LIMIT 24)";
        FacetRows rows = new FacetRows();
        Database.RowMapper<String> mapper = row -> {
            String facet = row.getString("facet");
            switch (facet) {
                case "hit" -> rows.hits.add(hit(row));
                case "total" -> rows.total = row.getLong("n");
                case "entity" -> rows.entities.add(new EntityCount(row.getLong("entity_id"), row.getString("value"),
                        row.getString("entity_type"), row.getLong("n")));
                case "source" -> rows.sources.add(new ValueCount(row.getString("value"), row.getLong("n")));
                case "language" -> rows.languages.add(new ValueCount(row.getString("value"), row.getLong("n")));
                default -> rows.months.add(new ValueCount(row.getString("value"), row.getLong("n")));
            }
            return facet;
        };
        if (fullText) {
            db.listUsingIndexes(sql, mapper, params.toArray());
        } else {
            db.list(sql, mapper, params.toArray());
        }
        return rows;
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
