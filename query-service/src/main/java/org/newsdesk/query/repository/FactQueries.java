package org.newsdesk.query.repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.newsdesk.query.mapping.ApiViews.ArticleRef;
import org.newsdesk.query.mapping.ApiViews.FactView;

/** Numeric facts by kind, words of their sentence, and entities named in that sentence. */
@ApplicationScoped
public class FactQueries {

    private static final String SELECT = """
            SELECT f.id, f.kind, f.quantity, f.qualifier, f.unit, f.subject, f.text, f.sentence, f.start_offset,
                   f.end_offset, f.article_id, a.title, a.source, f.published_at""";

    @Inject
    Database db;

    public List<FactView> find(String kind, String words, List<Long> entities, boolean entityGiven, Instant from,
                               Instant to, int offset, int limit, long[] total) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder("TRUE");
        if (kind != null) {
            where.append(" AND f.kind = ?");
            params.add(kind);
        }
        if (words != null) {
            where.append(" AND f.search @@ ").append(ArticleFilter.TSQUERY);
            params.add(words);
            params.add(words);
        }
        if (entityGiven) {
            where.append(" ").append("""
                    AND EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = f.article_id AND m.entity_id = ANY(?)
                         AND m.start_offset >= f.sentence_start AND m.end_offset <= f.sentence_end)""");
            params.add(new Database.SqlArray("bigint", entities.toArray()));
        }
        if (from != null) {
            where.append(" AND f.published_at >= ?");
            params.add(from);
        }
        if (to != null) {
            where.append(" AND f.published_at < ?");
            params.add(to);
        }
        params.add(limit);
        params.add(offset);
        return db.list(SELECT + ", count(*) OVER () AS total FROM facts f JOIN articles a ON a.id = f.article_id WHERE "
                + where + " ORDER BY f.published_at DESC, f.id DESC LIMIT ? OFFSET ?", row -> {
                    total[0] = row.getLong("total");
                    return fact(row);
                }, params.toArray());
    }

    public List<FactView> ofArticle(UUID articleId) {
        return db.list(SELECT + " FROM facts f JOIN articles a ON a.id = f.article_id WHERE f.article_id = ?"
                + " ORDER BY f.start_offset", FactQueries::fact, articleId);
    }

    static FactView fact(ResultSet row) throws SQLException {
        return new FactView(row.getLong("id"), row.getString("kind"), row.getDouble("quantity"),
                row.getString("qualifier"), row.getString("unit"), row.getString("subject"), row.getString("text"),
                row.getString("sentence"), row.getInt("start_offset"), row.getInt("end_offset"),
                new ArticleRef(Database.uuid(row, "article_id"), row.getString("title"), row.getString("source"),
                        Database.instant(row, "published_at")), Database.instant(row, "published_at"));
    }
}
