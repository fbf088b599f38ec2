package org.newsdesk.query.repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.newsdesk.contracts.Annotation.EntityType;
import org.newsdesk.query.mapping.ApiViews.AliasView;
import org.newsdesk.query.mapping.ApiViews.DayCount;
import org.newsdesk.query.mapping.ApiViews.EntityCount;
import org.newsdesk.query.mapping.ApiViews.EntitySummary;
import org.newsdesk.query.mapping.ApiViews.GraphEdge;
import org.newsdesk.query.mapping.ApiViews.GraphNode;
import org.newsdesk.query.mapping.ApiViews.HistoryEntry;
import org.newsdesk.query.resolution.EntityNameKey;

/** Read queries on the entity registry: fuzzy lookup, profile statistics, co-occurrence graph. */
@ApplicationScoped
public class EntityQueries {

    /** Article and mention counts and first/last appearance of an entity. */
    public record Stats(long articleCount, long mentionCount, java.time.Instant firstSeen, java.time.Instant lastSeen) {
    }

    /** An entity's {@link Stats} and its mentions per day (UTC), oldest first. */
    public record Activity(Stats stats, List<DayCount> mentionsPerDay) {
    }

    @Inject
    Database db;

    /**
     * Entity ids a user's reference names: through any alias, by normalised or transliteration key, as
     * a person or as another type (titles are stripped for persons only).
     */
    public List<Long> idsNamed(String name, EntityType type) {
        EntityNameKey asPerson = EntityNameKey.of(name, EntityType.PERSON);
        EntityNameKey asOther = EntityNameKey.of(name, EntityType.ORGANIZATION);
        List<Object> params = new ArrayList<>(List.of(asPerson.key(), asOther.key(), asPerson.translitKey(),
                asOther.translitKey()));
        String typeCondition = "";
        if (type != null) {
            typeCondition = " AND e.type = ?";
            params.add(type.name());
        }
        return db.list("""
                SELECT DISTINCT e.id FROM entity_aliases a JOIN entities e ON e.id = a.entity_id
                WHERE (a.alias_key IN (?, ?) OR a.translit_key IN (?, ?))
                  AND NOT e.blocked AND e.merged_into IS NULL""" + typeCondition + " LIMIT 50",
                row -> row.getLong(1), params.toArray());
    }

    /**
     * Entities whose name or alias resembles {@code query} (trigram similarity on the folded key, or
     * containing it), best first; all entities by article count when there is no query.
     */
    public List<EntitySummary> find(String query, EntityType type, int offset, int limit, long[] total) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder("NOT e.blocked AND e.merged_into IS NULL");
        if (type != null) {
            where.append(" AND e.type = ?");
            params.add(type.name());
        }
        String key = query == null ? "" : EntityNameKey.normalise(query);
        String sql;
        if (key.isEmpty()) {
            sql = "SELECT e.id, e.name, e.type, 1.0::real AS sim, ARRAY[]::text[] AS matched,"
                    + " (SELECT count(*) FROM article_entities ae WHERE ae.entity_id = e.id) AS articles,"
                    + " count(*) OVER () AS total FROM entities e WHERE " + where
                    + " ORDER BY articles DESC, e.name, e.id LIMIT ? OFFSET ?";
        } else {
            String like = "%" + key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            // whole-name similarity for misspellings, word similarity for a part of a longer name
            sql = "WITH hits AS (SELECT a.entity_id,"
                    + " max(greatest(similarity(a.alias_key, ?), word_similarity(?, a.alias_key))) AS sim,"
                    + " array_agg(DISTINCT a.alias) AS matched FROM entity_aliases a"
                    + " WHERE a.alias_key % ? OR ? <% a.alias_key OR a.alias_key LIKE ? GROUP BY a.entity_id)"
                    + " SELECT e.id, e.name, e.type, h.sim, h.matched,"
                    + " (SELECT count(*) FROM article_entities ae WHERE ae.entity_id = e.id) AS articles,"
                    + " count(*) OVER () AS total FROM hits h JOIN entities e ON e.id = h.entity_id WHERE " + where
                    + " ORDER BY h.sim DESC, articles DESC, e.id LIMIT ? OFFSET ?";
            params.addAll(0, List.of(key, key, key, key, like));
        }
        params.add(limit);
        params.add(offset);
        return db.list(sql, row -> {
            total[0] = row.getLong("total");
            return new EntitySummary(row.getLong("id"), row.getString("name"), row.getString("type"),
                    row.getLong("articles"), row.getDouble("sim"), Database.strings(row, "matched"));
        }, params.toArray());
    }

    public List<AliasView> aliases(long entityId) {
        return db.list("SELECT alias, pinned, reason FROM entity_aliases WHERE entity_id = ? ORDER BY pinned DESC, id",
                row -> new AliasView(row.getString(1), row.getBoolean(2), row.getString(3)), entityId);
    }

    /**
     * Article and mention counts, first/last appearance and mentions per day of an entity, from one pass over its
     * {@code article_entities} rows (grouped by day; the totals are the sums of the days).
     */
    public Activity activity(long entityId) {
        List<DayRow> days = db.list("""
                SELECT (published_at AT TIME ZONE 'UTC')::date AS day, count(*) AS articles, sum(mention_count) AS n,
                       min(published_at) AS first_seen, max(published_at) AS last_seen
                FROM article_entities WHERE entity_id = ? GROUP BY 1 ORDER BY 1""",
                row -> new DayRow(row.getObject("day", java.time.LocalDate.class), row.getLong("articles"),
                        row.getLong("n"), Database.instant(row, "first_seen"), Database.instant(row, "last_seen")),
                entityId);
        // days run oldest first, so the first day holds the first appearance and the last day the last
        Stats stats = new Stats(days.stream().mapToLong(DayRow::articles).sum(),
                days.stream().mapToLong(DayRow::mentions).sum(),
                days.isEmpty() ? null : days.getFirst().firstSeen(), days.isEmpty() ? null : days.getLast().lastSeen());
        return new Activity(stats, days.stream().map(d -> new DayCount(d.day(), d.mentions())).toList());
    }

    /** One day (UTC) of an entity's {@code article_entities} rows. */
    private record DayRow(java.time.LocalDate day, long articles, long mentions, java.time.Instant firstSeen,
                          java.time.Instant lastSeen) {
    }

    /**
     * Entities most often named in the same articles, with the number of shared articles, read from the
     * precomputed {@code entity_cooccurrence}: only the entities whose count reaches the {@code limit}-th highest
     * count are joined for their names (ties are ordered by name, as they always were).
     */
    public List<EntityCount> cooccurring(long entityId, int limit) {
        return db.list("""
                SELECT e.id, e.name, e.type, c.articles AS n
                FROM entity_cooccurrence c JOIN entities e ON e.id = c.other_id
                WHERE c.entity_id = ? AND NOT e.blocked
                  AND c.articles >= coalesce((SELECT t.articles FROM entity_cooccurrence t JOIN entities b ON b.id = t.other_id
                                              WHERE t.entity_id = ? AND NOT b.blocked
                                              ORDER BY t.articles DESC OFFSET ? LIMIT 1), 0)
                ORDER BY n DESC, e.name LIMIT ?""",
                EntityQueries::entityCount, entityId, entityId, Math.max(0, limit - 1), limit);
    }

    public List<HistoryEntry> history(long entityId, int limit) {
        return db.list("""
                SELECT action, reason, from_entity_id, to_entity_id, alias, article_id, evidence, actor, at
                FROM entity_merges WHERE to_entity_id = ? OR from_entity_id = ? ORDER BY at DESC, id DESC LIMIT ?""",
                row -> new HistoryEntry(row.getString("action"), row.getString("reason"),
                        Database.nullableLong(row, "from_entity_id"), Database.nullableLong(row, "to_entity_id"),
                        row.getString("alias"), Database.uuid(row, "article_id"), row.getString("evidence"),
                        row.getString("actor"), Database.instant(row, "at")), entityId, entityId, limit);
    }

    /** Nodes: the entity and its top co-occurring entities (or the most named entities); edges among them. */
    public List<GraphNode> graphNodes(Long entityId, int limit) {
        if (entityId == null) {
            return db.list("""
                    SELECT e.id, e.name, e.type, count(*) AS n FROM article_entities ae JOIN entities e ON e.id = ae.entity_id
                    WHERE NOT e.blocked GROUP BY e.id, e.name, e.type ORDER BY n DESC, e.id LIMIT ?""",
                    EntityQueries::node, limit);
        }
        return db.list("""
                (SELECT e.id, e.name, e.type, (SELECT count(*) FROM article_entities WHERE entity_id = e.id) AS n
                 FROM entities e WHERE e.id = ?)
                UNION ALL
                (SELECT e.id, e.name, e.type, (SELECT count(*) FROM article_entities WHERE entity_id = e.id) AS n
                 FROM article_entities x JOIN article_entities y ON y.article_id = x.article_id AND y.entity_id <> x.entity_id
                 JOIN entities e ON e.id = y.entity_id
                 WHERE x.entity_id = ? AND NOT e.blocked
                 GROUP BY e.id, e.name, e.type ORDER BY count(*) DESC, e.id LIMIT ?)""",
                EntityQueries::node, entityId, entityId, limit - 1);
    }

    public List<GraphEdge> graphEdges(Set<Long> nodeIds) {
        if (nodeIds.size() < 2) {
            return List.of();
        }
        Object ids = new Database.SqlArray("bigint", nodeIds.toArray());
        return db.list("""
                SELECT x.entity_id AS a, y.entity_id AS b, count(*) AS w
                FROM article_entities x JOIN article_entities y ON y.article_id = x.article_id AND x.entity_id < y.entity_id
                WHERE x.entity_id = ANY(?) AND y.entity_id = ANY(?)
                GROUP BY 1, 2 ORDER BY w DESC, 1, 2""",
                row -> new GraphEdge(row.getLong("a"), row.getLong("b"), row.getLong("w")), ids, ids);
    }

    public static Set<Long> ids(List<GraphNode> nodes) {
        Set<Long> ids = new LinkedHashSet<>();
        nodes.forEach(n -> ids.add(n.id()));
        return ids;
    }

    private static GraphNode node(ResultSet row) throws SQLException {
        return new GraphNode(row.getLong("id"), row.getString("name"), row.getString("type"), row.getLong("n"));
    }

    static EntityCount entityCount(ResultSet row) throws SQLException {
        return new EntityCount(row.getLong("id"), row.getString("name"), row.getString("type"), row.getLong("n"));
    }
}
