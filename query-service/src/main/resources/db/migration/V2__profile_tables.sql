-- Precomputed tables that let an entity profile read its figures instead of aggregating at request time.
-- Both are derived data: EntityProfileTables (query-service) keeps them in step with article_entities, mentions
-- and quotes when an article is indexed, re-annotated or deleted and when an admin merges, splits or blocks.

-- How many articles name both entities; one row per ordered pair (both directions), never a zero count.
CREATE TABLE entity_cooccurrence
(
    entity_id bigint  NOT NULL REFERENCES entities (id),
    other_id  bigint  NOT NULL REFERENCES entities (id),
    articles  integer NOT NULL CHECK (articles > 0),
    PRIMARY KEY (entity_id, other_id)
);

CREATE INDEX entity_cooccurrence_top ON entity_cooccurrence (entity_id, articles DESC);

INSERT INTO entity_cooccurrence (entity_id, other_id, articles)
SELECT x.entity_id, y.entity_id, count(*)
FROM article_entities x
         JOIN article_entities y ON y.article_id = x.article_id AND y.entity_id <> x.entity_id
GROUP BY x.entity_id, y.entity_id;

-- The quotes whose span holds a mention of the entity ("quotes about"), in the order the profile lists them.
CREATE TABLE quote_subjects
(
    entity_id    bigint      NOT NULL REFERENCES entities (id),
    quote_id     bigint      NOT NULL REFERENCES quotes (id) ON DELETE CASCADE,
    published_at timestamptz NOT NULL,
    PRIMARY KEY (entity_id, published_at, quote_id)
);

CREATE INDEX quote_subjects_quote ON quote_subjects (quote_id);

INSERT INTO quote_subjects (entity_id, quote_id, published_at)
SELECT DISTINCT m.entity_id, q.id, q.published_at
FROM quotes q
         JOIN mentions m ON m.article_id = q.article_id AND m.start_offset >= q.start_offset AND m.end_offset <= q.end_offset;

ANALYZE entity_cooccurrence;
ANALYZE quote_subjects;
