package org.newsdesk.ingest.metadata;

import java.time.OffsetDateTime;

/**
 * What the content itself says about the article. Every field may be {@code null}: the service then falls back
 * to what the client sent.
 *
 * @param title        headline
 * @param byline       byline as printed, without its date ("By Aybulat Musaev")
 * @param publishedAt  publication time, UTC when the source gave no zone; never an "updated" time
 * @param siteName     publisher or site name (HTML meta)
 * @param canonicalUrl canonical URL (HTML meta)
 * @param language     ISO 639-1 code the page declares (HTML {@code lang}); a hint, not a detection
 */
public record ArticleMetadata(
        String title,
        String byline,
        OffsetDateTime publishedAt,
        String siteName,
        String canonicalUrl,
        String language) {
}
