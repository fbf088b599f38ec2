package org.newsdesk.query.repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.newsdesk.contracts.Annotation.EntityType;
import org.newsdesk.query.resolution.Candidate;
import org.newsdesk.query.resolution.CandidateLookup;
import org.newsdesk.query.resolution.EntityNameKey;

/**
 * The entity registry in PostgreSQL: canonical entities, their aliases (looked up by each key of
 * {@link EntityNameKey} through its own index) and the audit trail of merges. It answers the resolver's
 * {@link CandidateLookup} questions and carries out decisions; it never decides a match itself.
 */
@ApplicationScoped
public class EntityRepository implements CandidateLookup {

    /** An entity row. */
    public record EntityRow(long id, String name, EntityType type, String subtype, boolean blocked,
                            boolean nameLocked, Long mergedInto) {
    }

    /** An alias row. */
    public record AliasRow(long id, long entityId, String alias, String aliasKey, boolean pinned, String reason) {
    }

    private static final String CANDIDATES = """
            SELECT e.id, e.name, e.type, e.blocked, a.alias, a.alias_key, a.translit_key, a.surname_key,
                   a.acronym_key, a.token_count, a.acronym, a.pinned
            FROM entity_aliases a JOIN entities e ON e.id = a.entity_id
            WHERE e.merged_into IS NULL AND e.type = ? AND """;

    @Inject
    Database db;

    @Override
    public boolean isBlockedName(String key) {
        return db.one("""
                SELECT 1 FROM entity_aliases a JOIN entities e ON e.id = a.entity_id
                WHERE a.alias_key = ? AND e.blocked LIMIT 1""", row -> true, key).isPresent();
    }

    @Override
    public List<Candidate> pinned(String key, EntityType type) {
        return candidates("a.alias_key = ? AND a.pinned", type, key);
    }

    @Override
    public List<Candidate> byKey(String key, EntityType type) {
        return candidates("a.alias_key = ?", type, key);
    }

    @Override
    public List<Candidate> byTranslitKey(String translitKey, EntityType type) {
        return candidates("a.translit_key = ?", type, translitKey);
    }

    @Override
    public List<Candidate> bySurname(String surnameKey, EntityType type) {
        return candidates("a.surname_key = ?", type, surnameKey);
    }

    @Override
    public List<Candidate> byAcronym(String acronymKey, EntityType type) {
        return candidates("a.acronym_key = ?", type, acronymKey);
    }

    private List<Candidate> candidates(String condition, EntityType type, String value) {
        return db.list(CANDIDATES + " " + condition + " LIMIT 200", EntityRepository::candidate, type.name(), value);
    }

    private static Candidate candidate(ResultSet row) throws SQLException {
        EntityType type = EntityType.valueOf(row.getString("type"));
        EntityNameKey alias = new EntityNameKey(row.getString("alias"), row.getString("alias_key"),
                row.getString("translit_key"), row.getString("surname_key"), row.getString("acronym_key"),
                row.getInt("token_count"), row.getBoolean("acronym"));
        return new Candidate(row.getLong("id"), EntityNameKey.of(row.getString("name"), type), alias,
                row.getBoolean("pinned"), row.getBoolean("blocked"));
    }

    /**
     * Serialises resolution of one name family (e.g. all persons with surname "tokaev") across
     * consumers until the transaction ends, so that two replicas never both create the same entity.
     */
    public void lockNameFamily(String family) {
        db.one("SELECT pg_advisory_xact_lock(hashtextextended(?, 7))", row -> true, family);
    }

    public long create(EntityNameKey name, EntityType type, String subtype) {
        return db.one("""
                INSERT INTO entities (name, type, subtype, name_key, translit_key)
                VALUES (?, ?, ?, ?, ?) RETURNING id""", row -> row.getLong(1),
                name.display(), type.name(), subtype, name.key(), name.translitKey()).orElseThrow();
    }

    /** Adds the aliases the entity does not have yet; returns those that were new. */
    public List<EntityNameKey> addAliases(long entityId, List<EntityNameKey> aliases, String reason, boolean pinned) {
        List<EntityNameKey> added = new ArrayList<>();
        for (EntityNameKey alias : aliases) {
            boolean inserted = db.one("""
                    INSERT INTO entity_aliases (entity_id, alias, alias_key, translit_key, surname_key, acronym_key,
                                                token_count, acronym, pinned, reason)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (entity_id, alias_key) DO UPDATE SET pinned = entity_aliases.pinned OR EXCLUDED.pinned
                    RETURNING (xmax = 0) AS inserted""", row -> row.getBoolean(1),
                    entityId, alias.display(), alias.key(), alias.translitKey(), alias.surnameKey(), alias.acronymKey(),
                    alias.tokenCount(), alias.acronym(), pinned, reason).orElse(false);
            if (inserted) {
                added.add(alias);
            }
        }
        return added;
    }

    /** Gives an entity known by a surname only its full name, unless an admin fixed the name. */
    public void adoptName(long entityId, EntityNameKey name) {
        db.update("""
                UPDATE entities SET name = ?, name_key = ?, translit_key = ?, updated_at = now()
                WHERE id = ? AND NOT name_locked""", name.display(), name.key(), name.translitKey(), entityId);
    }

    public void rename(long entityId, EntityNameKey name) {
        db.update("""
                UPDATE entities SET name = ?, name_key = ?, translit_key = ?, name_locked = true, updated_at = now()
                WHERE id = ?""", name.display(), name.key(), name.translitKey(), entityId);
    }

    public void audit(Long fromEntity, Long toEntity, String action, String reason, String alias, UUID articleId,
                      String evidence, String actor) {
        db.update("""
                INSERT INTO entity_merges (from_entity_id, to_entity_id, action, reason, alias, article_id, evidence, actor)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", fromEntity, toEntity, action, reason, alias, articleId, evidence, actor);
    }

    public Optional<EntityRow> find(long id) {
        return db.one("SELECT * FROM entities WHERE id = ?", EntityRepository::entity, id);
    }

    /** Follows merge redirects to the entity that now stands for {@code id}. */
    public Optional<EntityRow> findCurrent(long id) {
        Optional<EntityRow> entity = find(id);
        for (int hops = 0; entity.isPresent() && entity.get().mergedInto() != null && hops < 16; hops++) {
            entity = find(entity.get().mergedInto());
        }
        return entity;
    }

    public List<AliasRow> aliases(long entityId) {
        return db.list("""
                SELECT id, entity_id, alias, alias_key, pinned, reason FROM entity_aliases
                WHERE entity_id = ? ORDER BY id""",
                row -> new AliasRow(row.getLong("id"), row.getLong("entity_id"), row.getString("alias"),
                        row.getString("alias_key"), row.getBoolean("pinned"), row.getString("reason")), entityId);
    }

    /** Moves everything of {@code from} onto {@code to}, leaves {@code from} as a redirect. */
    public void merge(long from, long to) {
        db.update("""
                INSERT INTO entity_aliases (entity_id, alias, alias_key, translit_key, surname_key, acronym_key,
                                            token_count, acronym, pinned, reason)
                SELECT ?, alias, alias_key, translit_key, surname_key, acronym_key, token_count, acronym, true, 'ADMIN_MERGE'
                FROM entity_aliases WHERE entity_id = ?
                ON CONFLICT (entity_id, alias_key) DO UPDATE SET pinned = true""", to, from);
        db.update("DELETE FROM entity_aliases WHERE entity_id = ?", from);
        db.update("UPDATE mentions SET entity_id = ? WHERE entity_id = ?", to, from);
        db.update("""
                INSERT INTO article_entities (article_id, entity_id, mention_count, local_ids, reason, published_at)
                SELECT article_id, ?, mention_count, local_ids, 'ADMIN_MERGE', published_at
                FROM article_entities WHERE entity_id = ?
                ON CONFLICT (article_id, entity_id) DO UPDATE
                SET mention_count = article_entities.mention_count + EXCLUDED.mention_count,
                    local_ids = article_entities.local_ids || EXCLUDED.local_ids""", to, from);
        db.update("DELETE FROM article_entities WHERE entity_id = ?", from);
        db.update("UPDATE quotes SET speaker_entity_id = ? WHERE speaker_entity_id = ?", to, from);
        db.update("UPDATE entities SET merged_into = ?, updated_at = now() WHERE id = ?", to, from);
        db.update("UPDATE entities SET merged_into = ? WHERE merged_into = ?", to, from);
    }

    /**
     * Moves the aliases with the given keys, and the mentions written that way, from {@code from} to
     * {@code to}; pins them there and pins what {@code from} keeps, so re-annotation cannot undo it.
     */
    public void split(long from, long to, List<String> aliasKeys, List<Object[]> movedMentions) {
        db.update("""
                UPDATE entity_aliases SET entity_id = ?, pinned = true, reason = 'ADMIN_SPLIT'
                WHERE entity_id = ? AND alias_key = ANY(?)""", to, from, Database.textArray(aliasKeys));
        db.update("UPDATE entity_aliases SET pinned = true WHERE entity_id = ?", from);
        db.batch("""
                UPDATE mentions SET entity_id = ?
                WHERE article_id = ? AND start_offset = ? AND end_offset = ? AND entity_id = ?""", movedMentions);
        rebuildArticleEntities(List.of(from, to));
        db.update("""
                UPDATE quotes q SET speaker_entity_id = ?
                WHERE q.speaker_entity_id = ? AND EXISTS (SELECT 1 FROM entity_aliases a
                    WHERE a.entity_id = ? AND a.alias = q.speaker_name)""", to, from, to);
    }

    /** Mentions of an entity, for a split to choose those written as a split-off alias. */
    public List<Object[]> mentionsOf(long entityId) {
        return db.list("SELECT article_id, start_offset, end_offset, text FROM mentions WHERE entity_id = ?",
                row -> new Object[] {row.getObject(1, UUID.class), row.getInt(2), row.getInt(3), row.getString(4)},
                entityId);
    }

    public void block(long entityId) {
        db.update("UPDATE entities SET blocked = true, updated_at = now() WHERE id = ?", entityId);
        db.update("DELETE FROM mentions WHERE entity_id = ?", entityId);
        db.update("DELETE FROM article_entities WHERE entity_id = ?", entityId);
        db.update("UPDATE quotes SET speaker_entity_id = NULL WHERE speaker_entity_id = ?", entityId);
    }

    private void rebuildArticleEntities(List<Long> entityIds) {
        Object ids = new Database.SqlArray("bigint", entityIds.toArray());
        db.update("DELETE FROM article_entities WHERE entity_id = ANY(?)", ids);
        db.update("""
                INSERT INTO article_entities (article_id, entity_id, mention_count, reason, published_at)
                SELECT m.article_id, m.entity_id, count(*), 'ADMIN_SPLIT', a.published_at
                FROM mentions m JOIN articles a ON a.id = m.article_id
                WHERE m.entity_id = ANY(?)
                GROUP BY m.article_id, m.entity_id, a.published_at""", ids);
    }

    private static EntityRow entity(ResultSet row) throws SQLException {
        return new EntityRow(row.getLong("id"), row.getString("name"), EntityType.valueOf(row.getString("type")),
                row.getString("subtype"), row.getBoolean("blocked"), row.getBoolean("name_locked"),
                Database.nullableLong(row, "merged_into"));
    }
}
