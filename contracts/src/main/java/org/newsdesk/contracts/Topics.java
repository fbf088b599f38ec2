package org.newsdesk.contracts;

/**
 * Kafka topic names. Every service and the deployment manifests use these names; a test in
 * deploy checks that the manifests agree, so rename a topic here and there together.
 */
public final class Topics {

    /** Cleaned articles from ingest-service, key = article id; a null value is a tombstone (article deleted). */
    public static final String ARTICLES_INGESTED = "articles.ingested";
    /** Annotated articles from nlp-service, key = article id; tombstones pass through. */
    public static final String ARTICLES_ANNOTATED = "articles.annotated";
    /** Articles that query-service has made searchable, key = article id. */
    public static final String ARTICLES_INDEXED = "articles.indexed";

    public static final String DLQ_SUFFIX = ".dlq";
    public static final String ARTICLES_INGESTED_DLQ = ARTICLES_INGESTED + DLQ_SUFFIX;
    public static final String ARTICLES_ANNOTATED_DLQ = ARTICLES_ANNOTATED + DLQ_SUFFIX;

    /** Every topic the suite needs, in the order the devstack creates them. */
    public static final java.util.List<String> ALL = java.util.List.of(
            ARTICLES_INGESTED, ARTICLES_ANNOTATED, ARTICLES_INDEXED,
            ARTICLES_INGESTED_DLQ, ARTICLES_ANNOTATED_DLQ);

    private Topics() {
    }
}
