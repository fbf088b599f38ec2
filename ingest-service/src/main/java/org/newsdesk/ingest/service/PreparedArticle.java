package org.newsdesk.ingest.service;

import java.time.OffsetDateTime;
import java.util.List;

import org.newsdesk.ingest.dedup.MinHashSignature;

/**
 * An article after cleaning, metadata, language detection and fingerprinting, ready to be stored: all the CPU
 * work of ingest, done outside any transaction.
 */
public record PreparedArticle(
        String source,
        String externalId,
        String title,
        String byline,
        String url,
        String language,
        OffsetDateTime publishedAt,
        String rawText,
        String rawHtml,
        String cleanText,
        String contentHash,
        MinHashSignature signature,
        List<Long> bandKeys,
        List<String> warnings) {
}
