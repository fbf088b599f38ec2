package org.newsdesk.query.repository;

import java.util.Collection;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Keeps the precomputed profile tables of migration V2 in step with the rows they are derived from:
 * {@code entity_cooccurrence} (articles naming both entities, from {@code article_entities}) and
 * {@code quote_subjects} (quotes whose span holds a mention of the entity, from {@code quotes} and
 * {@code mentions}). Each method runs in the caller's transaction, next to the change it follows, so a reader
 * never sees the counts and their sources disagree. It never decides anything itself.
 */
@ApplicationScoped
public class EntityProfileTables {

    /** Every ordered pair of different entities named by one article. */
    private static final String PAIRS = "article_entities x JOIN article_entities y"
            + " ON y.article_id = x.article_id AND y.entity_id <> x.entity_id";
    /** The entities whose mentions lie inside a quote's span, one row per quote and entity; a WHERE follows. */
    private static final String INSERT_QUOTE_SUBJECTS = """
            INSERT INTO quote_subjects (entity_id, quote_id, published_at)
            SELECT DISTINCT m.entity_id, q.id, q.published_at
            FROM quotes q JOIN mentions m ON m.article_id = q.article_id
                 AND m.start_offset >= q.start_offset AND m.end_offset <= q.end_offset
            WHERE \s""";

    @Inject
    Database db;

    /** After the article's {@code article_entities} rows were written: counts its pairs once. */
    public void addArticle(UUID articleId) {
        // ordered, so that two writers touching the same pairs lock them in the same order
        db.update("INSERT INTO entity_cooccurrence (entity_id, other_id, articles)"
                + " SELECT x.entity_id, y.entity_id, 1 FROM " + PAIRS + " WHERE x.article_id = ? ORDER BY 1, 2"
                + " ON CONFLICT (entity_id, other_id) DO UPDATE SET articles = entity_cooccurrence.articles + 1", articleId);
    }

    /** Before the article's {@code article_entities} rows go (re-annotation, tombstone): uncounts its pairs. */
    public void removeArticle(UUID articleId) {
        db.update("WITH pairs AS (SELECT x.entity_id, y.entity_id AS other_id FROM " + PAIRS + " WHERE x.article_id = ?),"
                + " gone AS (DELETE FROM entity_cooccurrence c USING pairs p"
                + "  WHERE c.entity_id = p.entity_id AND c.other_id = p.other_id AND c.articles = 1)"
                + " UPDATE entity_cooccurrence c SET articles = c.articles - 1 FROM pairs p"
                + " WHERE c.entity_id = p.entity_id AND c.other_id = p.other_id AND c.articles > 1", articleId);
    }

    /** After the article's quotes and mentions were written: records which entities each quote mentions. */
    public void addQuoteSubjects(UUID articleId) {
        db.update(INSERT_QUOTE_SUBJECTS + "q.article_id = ? ON CONFLICT DO NOTHING", articleId);
    }

    /**
     * After a curation moved or removed the mentions and {@code article_entities} rows of these entities (merge,
     * split, block): recounts every pair and quote subject that involves one of them.
     */
    public void recount(Collection<Long> entityIds) {
        Object ids = new Database.SqlArray("bigint", entityIds.toArray());
        db.update("DELETE FROM entity_cooccurrence WHERE entity_id = ANY(?) OR other_id = ANY(?)", ids, ids);
        db.update("INSERT INTO entity_cooccurrence (entity_id, other_id, articles)"
                + " SELECT x.entity_id, y.entity_id, count(*) FROM " + PAIRS
                + " WHERE x.entity_id = ANY(?) OR y.entity_id = ANY(?) GROUP BY 1, 2 ORDER BY 1, 2", ids, ids);
        db.update("DELETE FROM quote_subjects WHERE entity_id = ANY(?)", ids);
        db.update(INSERT_QUOTE_SUBJECTS + "m.entity_id = ANY(?)", ids);
    }
}
