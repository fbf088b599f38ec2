package org.newsdesk.query.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The filters that search and export share. Every value reaches SQL as a bound parameter.
 *
 * @param query      websearch syntax ("quoted phrase", or, -exclude), matched with the English stemmer
 *                   and without stemming, so English and other languages both match
 * @param entityIds  articles must mention one of these canonical entities (empty: no filter)
 * @param entityNameGiven an entity filter was given by name and matched nothing: no article matches
 * @param from       published at or after
 * @param to         published before
 */
public record ArticleFilter(String query, List<Long> entityIds, boolean entityNameGiven, Instant from, Instant to,
                            String source, String language, UUID cluster) {

    /** The tsquery of {@link #query}, with two parameters. */
    static final String TSQUERY = "(websearch_to_tsquery('english', ?) || websearch_to_tsquery('simple', ?))";

    public boolean hasQuery() {
        return query != null && !query.isBlank();
    }

    /** The same filter without the words (semantic search ranks by the words instead of matching them). */
    public ArticleFilter withoutQuery() {
        return new ArticleFilter(null, entityIds, entityNameGiven, from, to, source, language, cluster);
    }

    /** Whether anything besides the words narrows the articles. */
    public boolean hasConditions() {
        return entityNameGiven || !entityIds.isEmpty() || from != null || to != null || source != null
                || language != null || cluster != null;
    }

    /** The WHERE conditions on {@code articles a}, appending their parameters. */
    String where(List<Object> params) {
        StringBuilder sql = new StringBuilder("TRUE");
        if (hasQuery()) {
            sql.append(" AND a.search @@ ").append(TSQUERY);
            params.add(query);
            params.add(query);
        }
        if (entityNameGiven && entityIds.isEmpty()) {
            sql.append(" AND FALSE");
        } else if (!entityIds.isEmpty()) {
            sql.append(" AND a.id IN (SELECT ae.article_id FROM article_entities ae WHERE ae.entity_id = ANY(?))");
            params.add(new Database.SqlArray("bigint", entityIds.toArray()));
        }
        if (from != null) {
            sql.append(" AND a.published_at >= ?");
            params.add(from);
        }
        if (to != null) {
            sql.append(" AND a.published_at < ?");
            params.add(to);
        }
        if (source != null) {
            sql.append(" AND a.source = ?");
            params.add(source);
        }
        if (language != null) {
            sql.append(" AND a.language = ?");
            params.add(language);
        }
        if (cluster != null) {
            sql.append(" AND a.cluster_id = ?");
            params.add(cluster);
        }
        return sql.toString();
    }
}
