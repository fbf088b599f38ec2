package org.newsdesk.contracts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A cleaned article, published by ingest-service on {@link Topics#ARTICLES_INGESTED}.
 *
 * @param revision     grows by one each time the article is published again (reprocess), so consumers
 *                     can ignore stale deliveries
 * @param text         the clean text; every offset in an {@link Annotation} indexes into it
 * @param contentHash  SHA-256 of the NFC title and clean text (exact-duplicate key; see ingest's ContentFingerprint)
 * @param warnings     what ingest noticed but accepted, e.g. invalid UTF-8 replaced
 */
public record ArticleIngested(
        int schemaVersion,
        UUID articleId,
        int revision,
        String externalId,
        String source,
        String url,
        String title,
        String byline,
        String language,
        OffsetDateTime publishedAt,
        String text,
        String contentHash,
        UUID nearDuplicateOf,
        Instant ingestedAt,
        List<String> warnings) {

    public static final int SCHEMA_VERSION = 1;
}
