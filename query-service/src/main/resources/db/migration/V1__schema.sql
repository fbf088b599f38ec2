-- query-service: the searchable form of annotated articles and the registry of canonical entities.
-- Offsets (start_offset, end_offset) are Java String indices into articles.text, end exclusive.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The text search configuration for an article's language: stemming where PostgreSQL has a stemmer,
-- 'simple' (lower-case words, no stop words) for every other language, Kazakh and unknown included.
-- IMMUTABLE so that it may feed generated tsvector columns.
CREATE FUNCTION newsdesk_ts_config(language text) RETURNS regconfig
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
SELECT CASE lower(split_part(coalesce(language, ''), '-', 1))
           WHEN 'en' THEN 'english'::regconfig
           WHEN 'ru' THEN 'russian'::regconfig
           WHEN 'de' THEN 'german'::regconfig
           WHEN 'fr' THEN 'french'::regconfig
           WHEN 'es' THEN 'spanish'::regconfig
           WHEN 'it' THEN 'italian'::regconfig
           WHEN 'pt' THEN 'portuguese'::regconfig
           WHEN 'nl' THEN 'dutch'::regconfig
           WHEN 'sv' THEN 'swedish'::regconfig
           WHEN 'da' THEN 'danish'::regconfig
           WHEN 'no' THEN 'norwegian'::regconfig
           WHEN 'nb' THEN 'norwegian'::regconfig
           WHEN 'fi' THEN 'finnish'::regconfig
           WHEN 'hu' THEN 'hungarian'::regconfig
           WHEN 'ro' THEN 'romanian'::regconfig
           WHEN 'tr' THEN 'turkish'::regconfig
           WHEN 'ar' THEN 'arabic'::regconfig
           WHEN 'el' THEN 'greek'::regconfig
           WHEN 'id' THEN 'indonesian'::regconfig
           WHEN 'ga' THEN 'irish'::regconfig
           WHEN 'lt' THEN 'lithuanian'::regconfig
           WHEN 'ne' THEN 'nepali'::regconfig
           WHEN 'sr' THEN 'serbian'::regconfig
           WHEN 'ta' THEN 'tamil'::regconfig
           WHEN 'hy' THEN 'armenian'::regconfig
           WHEN 'eu' THEN 'basque'::regconfig
           WHEN 'ca' THEN 'catalan'::regconfig
           WHEN 'hi' THEN 'hindi'::regconfig
           WHEN 'yi' THEN 'yiddish'::regconfig
           ELSE 'simple'::regconfig
           END
$$;

-- Articles about the same event (embedding similarity + shared entities + time window).
CREATE TABLE story_clusters
(
    id         uuid PRIMARY KEY,
    label      text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE articles
(
    id                uuid PRIMARY KEY,
    revision          integer     NOT NULL,
    annotator_version text        NOT NULL,
    annotated_at      timestamptz NOT NULL,
    external_id       text,
    source            text        NOT NULL,
    url               text,
    title             text        NOT NULL DEFAULT '',
    byline            text,
    language          text        NOT NULL DEFAULT 'und',
    -- the publication time, or the ingest time when the source gave none: every list sorts by it
    published_at      timestamptz NOT NULL,
    published_known   boolean     NOT NULL DEFAULT true,
    ingested_at       timestamptz,
    indexed_at        timestamptz NOT NULL DEFAULT now(),
    content_hash      text,
    text              text        NOT NULL,
    near_duplicate_of uuid,
    cluster_id        uuid REFERENCES story_clusters (id) ON DELETE SET NULL,
    cluster_reason    text,
    cluster_score     real,
    embedding         real[],
    notes             text[]      NOT NULL DEFAULT '{}',
    warnings          text[]      NOT NULL DEFAULT '{}',
    search            tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector(newsdesk_ts_config(language), coalesce(title, '')), 'A') ||
        setweight(to_tsvector(newsdesk_ts_config(language), text), 'B')) STORED
);

CREATE INDEX articles_search ON articles USING gin (search);
CREATE INDEX articles_published ON articles (published_at DESC, id);
CREATE INDEX articles_source ON articles (source, published_at DESC);
CREATE INDEX articles_language ON articles (language, published_at DESC);
CREATE INDEX articles_cluster ON articles (cluster_id, published_at);
CREATE INDEX articles_external_id ON articles (external_id);
CREATE INDEX articles_near_duplicate ON articles (near_duplicate_of) WHERE near_duplicate_of IS NOT NULL;

-- Canonical entities. A merged entity stays as a redirect (merged_into) so that old links still resolve.
CREATE TABLE entities
(
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name         text        NOT NULL,
    type         text        NOT NULL CHECK (type IN ('PERSON', 'ORGANIZATION', 'LOCATION', 'MISC')),
    subtype      text,
    name_key     text        NOT NULL,
    translit_key text        NOT NULL,
    blocked      boolean     NOT NULL DEFAULT false,
    -- an admin chose the name: the resolver's "adopt the fuller name" must not overwrite it
    name_locked  boolean     NOT NULL DEFAULT false,
    merged_into  bigint REFERENCES entities (id),
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX entities_name_trgm ON entities USING gin (name gin_trgm_ops);
CREATE INDEX entities_type_name ON entities (type, name_key);
CREATE INDEX entities_merged_into ON entities (merged_into) WHERE merged_into IS NOT NULL;

-- Every name an entity is known by, its canonical name included; the resolver looks candidates up here
-- by each key. pinned = fixed by an admin (split, merge, rename): resolution consults pinned aliases first.
CREATE TABLE entity_aliases
(
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entity_id    bigint      NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    alias        text        NOT NULL,
    alias_key    text        NOT NULL,
    translit_key text        NOT NULL,
    surname_key  text,
    acronym_key  text,
    token_count  integer     NOT NULL,
    acronym      boolean     NOT NULL DEFAULT false,
    pinned       boolean     NOT NULL DEFAULT false,
    reason       text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (entity_id, alias_key)
);

CREATE INDEX entity_aliases_key ON entity_aliases (alias_key);
CREATE INDEX entity_aliases_translit ON entity_aliases (translit_key);
CREATE INDEX entity_aliases_surname ON entity_aliases (surname_key) WHERE surname_key IS NOT NULL;
CREATE INDEX entity_aliases_acronym ON entity_aliases (acronym_key) WHERE acronym_key IS NOT NULL;
CREATE INDEX entity_aliases_pinned ON entity_aliases (alias_key) WHERE pinned;
CREATE INDEX entity_aliases_trgm ON entity_aliases USING gin (alias_key gin_trgm_ops);

-- The audit trail: every resolver join by a new name form, every admin merge, split, rename and block.
CREATE TABLE entity_merges
(
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    from_entity_id bigint REFERENCES entities (id) ON DELETE SET NULL,
    to_entity_id   bigint REFERENCES entities (id) ON DELETE SET NULL,
    action         text        NOT NULL CHECK (action IN ('RESOLVE', 'MERGE', 'SPLIT', 'RENAME', 'BLOCK')),
    reason         text        NOT NULL,
    alias          text,
    article_id     uuid,
    evidence       text,
    actor          text        NOT NULL,
    at             timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX entity_merges_to ON entity_merges (to_entity_id, at DESC);
CREATE INDEX entity_merges_from ON entity_merges (from_entity_id, at DESC);

-- One row per (article, canonical entity): facets, entity → articles, co-occurrence, first/last seen.
CREATE TABLE article_entities
(
    article_id    uuid        NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    entity_id     bigint      NOT NULL REFERENCES entities (id),
    mention_count integer     NOT NULL,
    local_ids     text[]      NOT NULL DEFAULT '{}',
    reason        text,
    published_at  timestamptz NOT NULL,
    PRIMARY KEY (article_id, entity_id)
);

CREATE INDEX article_entities_entity ON article_entities (entity_id, published_at DESC, article_id);

CREATE TABLE mentions
(
    article_id   uuid    NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    entity_id    bigint  NOT NULL REFERENCES entities (id),
    start_offset integer NOT NULL,
    end_offset   integer NOT NULL CHECK (end_offset >= start_offset),
    text         text    NOT NULL,
    PRIMARY KEY (article_id, start_offset, end_offset, entity_id)
);

CREATE INDEX mentions_entity ON mentions (entity_id, article_id, start_offset);

CREATE TABLE quotes
(
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id        uuid        NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    speaker_entity_id bigint REFERENCES entities (id) ON DELETE SET NULL,
    speaker_name      text,
    text              text        NOT NULL,
    start_offset      integer     NOT NULL,
    end_offset        integer     NOT NULL,
    cue               text,
    cue_start         integer,
    partial           boolean     NOT NULL DEFAULT false,
    language          text        NOT NULL DEFAULT 'und',
    published_at      timestamptz NOT NULL,
    search            tsvector GENERATED ALWAYS AS (to_tsvector(newsdesk_ts_config(language), text)) STORED
);

CREATE INDEX quotes_speaker ON quotes (speaker_entity_id, published_at DESC, id) WHERE speaker_entity_id IS NOT NULL;
CREATE INDEX quotes_published ON quotes (published_at DESC, id);
CREATE INDEX quotes_article ON quotes (article_id, start_offset);
CREATE INDEX quotes_search ON quotes USING gin (search);

-- Normalised date mentions; resolved_date is the first day a value denotes (2022-01 → 2022-01-01,
-- 2022-W01 → its Monday) with its precision, null for durations, sets and unresolved values.
CREATE TABLE dates
(
    article_id     uuid        NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    start_offset   integer     NOT NULL,
    end_offset     integer     NOT NULL,
    text           text        NOT NULL,
    value          text,
    type           text,
    resolved_date  date,
    precision      text CHECK (precision IN ('DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR')),
    sentence       text,
    published_at   timestamptz NOT NULL,
    PRIMARY KEY (article_id, start_offset, end_offset)
);

CREATE INDEX dates_resolved ON dates (resolved_date, article_id) WHERE resolved_date IS NOT NULL;

CREATE TABLE facts
(
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id     uuid             NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    kind           text             NOT NULL,
    quantity       double precision NOT NULL,
    qualifier      text,
    unit           text,
    subject        text,
    text           text             NOT NULL,
    start_offset   integer          NOT NULL,
    end_offset     integer          NOT NULL,
    sentence       text             NOT NULL,
    sentence_start integer          NOT NULL,
    sentence_end   integer          NOT NULL,
    language       text             NOT NULL DEFAULT 'und',
    published_at   timestamptz      NOT NULL,
    search         tsvector GENERATED ALWAYS AS (to_tsvector(newsdesk_ts_config(language), sentence)) STORED
);

CREATE INDEX facts_kind ON facts (kind, published_at DESC, id);
CREATE INDEX facts_published ON facts (published_at DESC, id);
CREATE INDEX facts_article ON facts (article_id, sentence_start);
CREATE INDEX facts_search ON facts USING gin (search);

CREATE TABLE keyphrases
(
    article_id uuid    NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    text       text    NOT NULL,
    text_key   text    NOT NULL,
    score      real    NOT NULL,
    PRIMARY KEY (article_id, text_key)
);

CREATE INDEX keyphrases_key ON keyphrases (text_key);

CREATE TABLE paragraph_embeddings
(
    article_id   uuid    NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    start_offset integer NOT NULL,
    end_offset   integer NOT NULL,
    vector       real[]  NOT NULL,
    PRIMARY KEY (article_id, start_offset)
);
