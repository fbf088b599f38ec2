package org.newsdesk.query.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.newsdesk.query.mapping.ApiViews.ArticleRef;
import org.newsdesk.query.mapping.ApiViews.TimelineEvent;

/**
 * Dated events of the matching articles: each normalised date with the sentence that mentions it
 * (kind MENTIONED) and each publication (kind PUBLISHED, with the headline), oldest first.
 */
@ApplicationScoped
public class TimelineQueries {

    @Inject
    Database db;

    public List<TimelineEvent> events(ArticleFilter filter, LocalDate fromDay, LocalDate toDay, int offset, int limit,
                                      long[] total) {
        List<Object> params = new ArrayList<>();
        ArticleFilter undated = new ArticleFilter(filter.query(), filter.entityIds(), filter.entityNameGiven(), null,
                null, filter.source(), filter.language(), filter.cluster());
        String where = undated.where(params);
        StringBuilder range = new StringBuilder();
        if (fromDay != null) {
            range.append(" AND ev.day >= ?");
        }
        if (toDay != null) {
            range.append(" AND ev.day < ?");
        }
        String sql = "WITH m AS MATERIALIZED (SELECT a.id, a.title, a.source, a.published_at FROM articles a WHERE " + where
                + "), ev AS ("
                + " SELECT d.resolved_date AS day, d.precision, 'MENTIONED' AS kind, d.sentence AS text,"
                + "  m.id, m.title, m.source, m.published_at, d.start_offset AS pos"
                + " FROM m JOIN dates d ON d.article_id = m.id WHERE d.resolved_date IS NOT NULL"
                + " UNION ALL SELECT (m.published_at AT TIME ZONE 'UTC')::date, 'DAY', 'PUBLISHED', m.title,"
                + "  m.id, m.title, m.source, m.published_at, -1 FROM m)"
                + " SELECT ev.*, count(*) OVER () AS total FROM ev WHERE TRUE" + range
                + " ORDER BY ev.day, ev.published_at, ev.id, ev.pos LIMIT ? OFFSET ?";
        if (fromDay != null) {
            params.add(fromDay);
        }
        if (toDay != null) {
            params.add(toDay);
        }
        params.add(limit);
        params.add(offset);
        return db.list(sql, row -> {
            total[0] = row.getLong("total");
            Instant published = Database.instant(row, "published_at");
            return new TimelineEvent(row.getObject("day", LocalDate.class), row.getString("precision"),
                    row.getString("kind"), row.getString("text"),
                    new ArticleRef(Database.uuid(row, "id"), row.getString("title"), row.getString("source"), published));
        }, params.toArray());
    }
}
