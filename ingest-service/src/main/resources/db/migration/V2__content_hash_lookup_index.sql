-- The exact-duplicate lookup binds the excluded status as a parameter, which a generic plan cannot match against
-- the partial unique index of V1; without this index every ingest scanned the whole article table.
create index article_content_hash_idx on article (content_hash);
