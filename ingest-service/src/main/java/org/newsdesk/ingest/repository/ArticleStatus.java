package org.newsdesk.ingest.repository;

/**
 * Where an article is in the pipeline. Within one revision the status only moves up the {@link #rank()}:
 * a late {@code ANNOTATED} must never overwrite {@code INDEXED}. {@code DELETED} is final and no pipeline
 * event moves it.
 */
public enum ArticleStatus {
    /** Stored, its event waits in the outbox. */
    RECEIVED(0),
    /** Kafka acknowledged the {@code articles.ingested} event. */
    PUBLISHED(1),
    /** nlp-service published the annotation. */
    ANNOTATED(2),
    /** A stage gave up on it; {@code failure_reason} says why (from the dead-letter record). */
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

    /** Statuses a pipeline event may still replace with this one (same revision, lower rank, not deleted). */
    public java.util.List<ArticleStatus> replaceable() {
        return java.util.Arrays.stream(values()).filter(s -> s.rank < rank).toList();
    }
}
