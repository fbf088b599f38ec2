package org.newsdesk.ingest.mapping;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One stored article with everything ingest knows about it: raw and clean text, metadata, pipeline status. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArticleView(
        UUID id,
        String externalId,
        String source,
        String url,
        String title,
        String byline,
        String language,
        OffsetDateTime publishedAt,
        String status,
        String failureReason,
        int revision,
        UUID nearDuplicateOf,
        Double nearDuplicateSimilarity,
        String contentHash,
        List<String> warnings,
        String rawText,
        String rawHtml,
        String cleanText,
        Instant receivedAt,
        Instant updatedAt) {
}
