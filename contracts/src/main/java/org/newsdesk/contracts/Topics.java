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

    /**
     * The largest {@code articles.ingested} event, in bytes (topic {@code max.message.bytes} and the relay's
     * {@code max.request.size}). ingest accepts articles up to 5 MB; the event carries the clean text as a JSON
     * string, whose escaping can double it, plus metadata.
     */
    public static final int MAX_INGESTED_EVENT_BYTES = 16 * 1024 * 1024;
    /**
     * The largest {@code articles.annotated} event, in bytes: the clean text again plus the annotations and one
     * 384-dimension vector per paragraph, which for a 5 MB article can be several times the text.
     */
    public static final int MAX_ANNOTATED_EVENT_BYTES = 64 * 1024 * 1024;

    /**
     * The {@code max.message.bytes} a topic needs (its dead-letter topic takes the same records); the devstack sets
     * it and deploy/k8s/base/kafka/topics.yaml states the same numbers. {@code articles.indexed} keeps the broker
     * default, its events are small.
     */
    public static java.util.OptionalInt maxMessageBytes(String topic) {
        return switch (topic) {
            case ARTICLES_INGESTED, ARTICLES_INGESTED_DLQ -> java.util.OptionalInt.of(MAX_INGESTED_EVENT_BYTES);
            case ARTICLES_ANNOTATED, ARTICLES_ANNOTATED_DLQ -> java.util.OptionalInt.of(MAX_ANNOTATED_EVENT_BYTES);
            default -> java.util.OptionalInt.empty();
        };
    }

    private Topics() {
    }
}
