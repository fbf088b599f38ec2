package org.newsdesk.query.web;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.newsdesk.contracts.problem.Problem;

/**
 * One article as ingest-service reports it: the answer to an ingest, one item of an upload, or the stored
 * article with its pipeline status. Only the fields the Ingest page shows; the rest is ignored.
 *
 * @param file    the uploaded file the item came from (uploads only)
 * @param problem why ingest-service refused the item (uploads only; then {@code id} is null)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IngestItem(
        UUID id,
        String status,
        String title,
        String externalId,
        String source,
        String language,
        OffsetDateTime publishedAt,
        String failureReason,
        UUID duplicateOf,
        UUID nearDuplicateOf,
        List<String> warnings,
        String file,
        Problem problem) {

    /** Statuses after which nothing changes any more without an admin. */
    private static final Set<String> FINAL = Set.of("INDEXED", "FAILED", "DELETED", "REJECTED");

    public static IngestItem refused(String file, String title, Problem problem) {
        return new IngestItem(null, "REJECTED", title, null, null, null, null, null, null, null, null, file, problem);
    }

    public boolean settled() {
        return status == null || FINAL.contains(status);
    }

    public boolean indexed() {
        return "INDEXED".equals(status);
    }

    /** What went wrong, for the status column: ingest-service's failure reason or its problem detail. */
    public String reason() {
        if (failureReason != null && !failureReason.isBlank()) {
            return failureReason;
        }
        if (problem != null) {
            return problem.detail() != null ? problem.detail() : problem.title();
        }
        return null;
    }

    /** A lower-case CSS class for the status badge. */
    public String statusClass() {
        return status == null ? "unknown" : status.toLowerCase(java.util.Locale.ROOT);
    }
}
