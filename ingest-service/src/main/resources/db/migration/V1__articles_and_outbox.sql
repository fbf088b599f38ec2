-- Articles as ingest accepted them, their near-duplicate band keys, and the transactional outbox to Kafka.

create table article (
    id                        uuid primary key,
    source                    text,
    external_id               text,
    title                     text,
    byline                    text,
    url                       text,
    language                  text,
    published_at              timestamptz,
    raw_text                  text,
    raw_html                  text,
    clean_text                text        not null,
    content_hash              char(64)    not null,
    minhash                   bytea       not null,
    near_duplicate_of         uuid,
    near_duplicate_similarity double precision,
    status                    text        not null,
    failure_reason            text,
    warnings                  text[]      not null default '{}',
    revision                  integer     not null default 1,
    received_at               timestamptz not null,
    updated_at                timestamptz not null,
    constraint article_status_known check (status in
        ('RECEIVED', 'PUBLISHED', 'ANNOTATED', 'INDEXED', 'FAILED', 'DELETED'))
);

-- Re-ingest with the same (source, externalId) is idempotent; a missing source is one source of its own.
create unique index article_source_external_id_uq
    on article (coalesce(source, ''), external_id) where external_id is not null;

-- Exact duplicates are answered with the original and never stored, so there is one live article per content
-- hash. Concurrent ingests of the same text collide here, and the loser retries and finds the winner.
create unique index article_content_hash_live_uq on article (content_hash) where status <> 'DELETED';

create index article_received_idx on article (received_at desc, id);
create index article_status_received_idx on article (status, received_at desc);

-- LSH band keys of each article's MinHash signature: articles sharing a key are near-duplicate candidates.
create table article_band (
    band_key   bigint not null,
    article_id uuid   not null references article (id) on delete cascade,
    primary key (band_key, article_id)
);
create index article_band_article_idx on article_band (article_id);

-- Events waiting for (or already given to) Kafka. payload null = tombstone. Rows of one article are sent in id order.
create table outbox (
    id              bigserial primary key,
    article_id      uuid        not null,
    revision        integer     not null,
    payload         text,
    created_at      timestamptz not null default now(),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    sent_at         timestamptz
);
create index outbox_pending_idx on outbox (id) where sent_at is null;
create index outbox_pending_article_idx on outbox (article_id, id) where sent_at is null;
create index outbox_sent_idx on outbox (sent_at) where sent_at is not null;
