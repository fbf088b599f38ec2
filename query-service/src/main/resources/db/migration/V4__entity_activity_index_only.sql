-- An entity's activity (article and mention counts, first/last seen, mentions per day: EntityQueries.activity) from
-- the entity's index entries alone.
--
-- The statement reads every article_entities row of the entity (466 for "UK" in the BBC index), and mention_count
-- was only in the heap: a bitmap heap scan visited one heap page per row or so (251 buffers, 0.50 ms). With
-- mention_count carried in the index it is an index-only scan (6 buffers, 0.17 ms). The key columns are those of
-- the index it replaces, so the entity filter of search, the graph and the profile tables use it as before.
CREATE INDEX article_entities_entity_activity ON article_entities (entity_id, published_at DESC, article_id)
    INCLUDE (mention_count);
DROP INDEX article_entities_entity;
ALTER INDEX article_entities_entity_activity RENAME TO article_entities_entity;
