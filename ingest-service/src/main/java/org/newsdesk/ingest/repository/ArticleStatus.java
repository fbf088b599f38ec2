package org.newsdesk.ingest.repository;

/**
 * Where an article is in the pipeline. Within one revision the status only moves up the {@link #rank()}:
 * a late {@code ANNOTATED} must never overwrite {@code INDEXED}. {@code FAILED} is the exception: a dead letter
 * for the revision means a stage gave up on it, whatever an earlier event said, so it replaces every status of
 * that revision (even {@code INDEXED}) and nothing but a newer {@code FAILED} replaces it; only a new revision
 * (reprocess) starts over. {@code DELETED} is final and no pipeline event moves it.
 */
public enum ArticleStatus {
    /** Stored, its event waits in the outbox. */
    RECEIVED(0),
    /** Kafka acknowledged the {@code articles.ingested} event. */
    PUBLISHED(1),
    /** nlp-service published the annotation. */
    ANNOTATED(2),
    /** A stage gave up on it; {@code failure_reason} says why (from the dead-letter record). Sticky per revision. */
    FAILED(3),
    /** query-service answers queries with it. */
    INDEXED(4),
    /** Deleted by an admin; a tombstone went out. */
    DELETED(100);

    private final int rank;

    ArticleStatus(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    /**
     * Statuses a pipeline event for the same revision may replace with this one: any but DELETED for FAILED, else
     * the lower ranks except FAILED.
     */
    public java.util.List<ArticleStatus> replaceable() {
        if (this == DELETED) {
            return java.util.List.of();
        }
        if (this == FAILED) {
            return java.util.Arrays.stream(values()).filter(s -> s != DELETED).toList();
        }
        return java.util.Arrays.stream(values()).filter(s -> s.rank < rank && s != FAILED).toList();
    }
}
