package org.newsdesk.ingest.mapping;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One article in a listing: its metadata and status, without the texts. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArticleSummary(
        UUID id,
        String externalId,
        String source,
        String title,
        String language,
        OffsetDateTime publishedAt,
        String status,
        String failureReason,
        int revision,
        UUID nearDuplicateOf,
        Instant receivedAt) {
}
