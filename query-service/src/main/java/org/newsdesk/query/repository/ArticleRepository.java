package org.newsdesk.query.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Writes one article and its annotation rows, and removes them. The caller holds the transaction and
 * the article's lock; rows of a previous annotation are deleted before the new ones are written, so an
 * article always shows exactly one annotation.
 */
@ApplicationScoped
public class ArticleRepository {

    /** What is stored of an article's version, to tell a replay or a stale delivery from news. */
    public record StoredVersion(int revision, String annotatorVersion, Instant annotatedAt, UUID clusterId) {
    }

    /** The article columns written from an event. */
    public record ArticleRow(UUID id, int revision, String annotatorVersion, Instant annotatedAt, String externalId,
                             String source, String url, String title, String byline, String language,
                             Instant publishedAt, boolean publishedKnown, Instant ingestedAt, String contentHash,
                             String text, UUID nearDuplicateOf, float[] embedding, List<String> notes,
                             List<String> warnings) {
    }

    @Inject
    Database db;

    /** Holds the article's lock until the transaction ends (a first delivery has no row to lock yet). */
    public void lock(UUID articleId) {
        db.one("SELECT pg_advisory_xact_lock(hashtextextended(?, 11))", row -> true, articleId.toString());
    }

    public Optional<StoredVersion> version(UUID articleId) {
        return db.one("SELECT revision, annotator_version, annotated_at, cluster_id FROM articles WHERE id = ?",
                row -> new StoredVersion(row.getInt(1), row.getString(2), Database.instant(row, "annotated_at"),
                        Database.uuid(row, "cluster_id")), articleId);
    }

    public void upsert(ArticleRow a) {
        db.update("""
                INSERT INTO articles (id, revision, annotator_version, annotated_at, external_id, source, url, title,
                    byline, language, published_at, published_known, ingested_at, content_hash, text,
                    near_duplicate_of, embedding, notes, warnings, indexed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
                ON CONFLICT (id) DO UPDATE SET revision = EXCLUDED.revision,
                    annotator_version = EXCLUDED.annotator_version, annotated_at = EXCLUDED.annotated_at,
                    external_id = EXCLUDED.external_id, source = EXCLUDED.source, url = EXCLUDED.url,
                    title = EXCLUDED.title, byline = EXCLUDED.byline, language = EXCLUDED.language,
                    published_at = EXCLUDED.published_at, published_known = EXCLUDED.published_known,
                    ingested_at = EXCLUDED.ingested_at, content_hash = EXCLUDED.content_hash, text = EXCLUDED.text,
                    near_duplicate_of = EXCLUDED.near_duplicate_of, embedding = EXCLUDED.embedding,
                    notes = EXCLUDED.notes, warnings = EXCLUDED.warnings, indexed_at = now()""",
                a.id(), a.revision(), a.annotatorVersion(), a.annotatedAt(), a.externalId(), a.source(), a.url(),
                a.title(), a.byline(), a.language(), a.publishedAt(), a.publishedKnown(), a.ingestedAt(),
                a.contentHash(), a.text(), a.nearDuplicateOf(), Database.realArray(a.embedding()),
                Database.textArray(a.notes()), Database.textArray(a.warnings()));
    }

    public void deleteAnnotationRows(UUID articleId) {
        for (String table : List.of("mentions", "article_entities", "quotes", "dates", "facts", "keyphrases",
                "paragraph_embeddings")) {
            db.update("DELETE FROM " + table + " WHERE article_id = ?", articleId);
        }
    }

    /** Removes the article and, by cascade, every row about it; returns whether it existed. */
    public boolean delete(UUID articleId) {
        return db.update("DELETE FROM articles WHERE id = ?", articleId) > 0;
    }

    public void insertMentions(Collection<Object[]> rows) {
        db.batch("""
                INSERT INTO mentions (article_id, entity_id, start_offset, end_offset, text) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""", rows);
    }

    public void insertArticleEntities(Collection<Object[]> rows) {
        db.batch("""
                INSERT INTO article_entities (article_id, entity_id, mention_count, local_ids, reason, published_at)
                VALUES (?, ?, ?, ?, ?, ?)""", rows);
    }

    public void insertQuotes(Collection<Object[]> rows) {
        db.batch("""
                INSERT INTO quotes (article_id, speaker_entity_id, speaker_name, text, start_offset, end_offset, cue,
                    cue_start, partial, language, published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    public void insertDates(Collection<Object[]> rows) {
        db.batch("""
                INSERT INTO dates (article_id, start_offset, end_offset, text, value, type, resolved_date, precision,
                    sentence, published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", rows);
    }

    public void insertFacts(Collection<Object[]> rows) {
        db.batch("""
                INSERT INTO facts (article_id, kind, quantity, qualifier, unit, subject, text, start_offset, end_offset,
                    sentence, sentence_start, sentence_end, language, published_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    public void insertKeyphrases(Collection<Object[]> rows) {
        db.batch("""
                INSERT INTO keyphrases (article_id, text, text_key, score) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING""", rows);
    }

    public void insertParagraphEmbeddings(Collection<Object[]> rows) {
        db.batch("""
                INSERT INTO paragraph_embeddings (article_id, start_offset, end_offset, vector) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING""", rows);
    }
}
