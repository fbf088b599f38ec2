package org.newsdesk.ingest.mapping;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to one ingested article. {@code status} is the article's pipeline status, or {@code DUPLICATE} when
 * the text was already stored: then {@code id} and {@code duplicateOf} are the original's id.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record IngestResponse(
        UUID id,
        String status,
        String title,
        OffsetDateTime publishedAt,
        String language,
        String externalId,
        String source,
        UUID duplicateOf,
        UUID nearDuplicateOf,
        List<String> warnings) {
}
