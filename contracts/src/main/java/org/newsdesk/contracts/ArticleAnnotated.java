package org.newsdesk.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * An annotated article, published by nlp-service on {@link Topics#ARTICLES_ANNOTATED}. It carries the
 * ingested article whole, so query-service needs nothing else to index it.
 */
public record ArticleAnnotated(
        int schemaVersion,
        UUID articleId,
        int revision,
        String annotatorVersion,
        Instant annotatedAt,
        ArticleIngested article,
        Annotation annotation) {

    public static final int SCHEMA_VERSION = 1;
}
