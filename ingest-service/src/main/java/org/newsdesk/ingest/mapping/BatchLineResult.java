package org.newsdesk.ingest.mapping;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.newsdesk.contracts.problem.Problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The outcome of one item of a batch, an upload or a feed import: the HTTP status it would have had on its own,
 * and either the ingest answer or the problem. {@code line} is the 1-based input line (or feed item) number;
 * {@code file} names the uploaded file it came from.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record BatchLineResult(
        String file,
        int line,
        int code,
        UUID id,
        String status,
        String title,
        OffsetDateTime publishedAt,
        String language,
        String externalId,
        UUID duplicateOf,
        UUID nearDuplicateOf,
        List<String> warnings,
        Problem problem) {

    public static BatchLineResult accepted(String file, int line, int code, IngestResponse r) {
        return new BatchLineResult(file, line, code, r.id(), r.status(), r.title(), r.publishedAt(), r.language(),
                r.externalId(), r.duplicateOf(), r.nearDuplicateOf(), r.warnings(), null);
    }

    public static BatchLineResult rejected(String file, int line, Problem problem) {
        return new BatchLineResult(file, line, problem.status(), null, "REJECTED", null, null, null, null, null, null,
                null, problem);
    }
}
