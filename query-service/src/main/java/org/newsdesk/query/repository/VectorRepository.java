package org.newsdesk.query.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Reads the stored article and paragraph vectors for the in-memory semantic index, what changed since it last
 * looked, and the ids of articles that pass a search filter.
 */
@ApplicationScoped
public class VectorRepository {

    /** Changes whenever an article is added, removed or re-indexed (with a rare exception, see SemanticIndex). */
    public record Fingerprint(long articles, Instant lastIndexedAt) {
    }

    /** One article's stored vectors: document vector (or null), paragraph vectors with their offsets. */
    public record StoredVectors(UUID id, Instant indexedAt, Instant publishedAt, float[] document,
                                List<float[]> paragraphs, List<int[]> offsets) {
    }

    @Inject
    Database db;

    public Fingerprint fingerprint() {
        return db.one("SELECT count(*) AS n, max(indexed_at) AS latest FROM articles",
                row -> new Fingerprint(row.getLong("n"), Database.instant(row, "latest")))
                .orElse(new Fingerprint(0, null));
    }

    /** Every article id with the time it was last indexed. */
    public Map<UUID, Instant> versions() {
        Map<UUID, Instant> versions = new HashMap<>();
        db.stream("SELECT id, indexed_at FROM articles", 5000,
                row -> versions.put(Database.uuid(row, "id"), Database.instant(row, "indexed_at")));
        return versions;
    }

    /** The vectors of these articles (those that still exist). */
    public List<StoredVectors> vectors(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Database.SqlArray idArray = new Database.SqlArray("uuid", ids.toArray());
        Map<UUID, List<float[]>> paragraphs = new HashMap<>();
        Map<UUID, List<int[]>> offsets = new HashMap<>();
        db.stream("SELECT article_id, start_offset, end_offset, vector FROM paragraph_embeddings"
                + " WHERE article_id = ANY(?) ORDER BY article_id, start_offset", 1000, row -> {
                    UUID id = Database.uuid(row, "article_id");
                    paragraphs.computeIfAbsent(id, k -> new ArrayList<>()).add(Database.floats(row, "vector"));
                    offsets.computeIfAbsent(id, k -> new ArrayList<>())
                            .add(new int[] {row.getInt("start_offset"), row.getInt("end_offset")});
                }, idArray);
        List<StoredVectors> vectors = new ArrayList<>();
        db.stream("SELECT id, indexed_at, published_at, embedding FROM articles WHERE id = ANY(?)", 1000, row -> {
            UUID id = Database.uuid(row, "id");
            vectors.add(new StoredVectors(id, Database.instant(row, "indexed_at"), Database.instant(row, "published_at"),
                    Database.floats(row, "embedding"), paragraphs.getOrDefault(id, List.of()),
                    offsets.getOrDefault(id, List.of())));
        }, idArray);
        return vectors;
    }

    /** The ids of the articles the filter's conditions other than the words let through. */
    public Set<UUID> matching(ArticleFilter filter) {
        List<Object> params = new ArrayList<>();
        String where = filter.withoutQuery().where(params);
        Set<UUID> ids = new HashSet<>();
        db.stream("SELECT a.id FROM articles a WHERE " + where, 5000, row -> ids.add(Database.uuid(row, "id")),
                params.toArray());
        return ids;
    }
}
