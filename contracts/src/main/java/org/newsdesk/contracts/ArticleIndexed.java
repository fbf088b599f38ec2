package org.newsdesk.contracts;

import java.time.Instant;
import java.util.UUID;

/** Published by query-service on {@link Topics#ARTICLES_INDEXED} once an article answers queries. */
public record ArticleIndexed(
        int schemaVersion,
        UUID articleId,
        int revision,
        Instant indexedAt) {

    public static final int SCHEMA_VERSION = 1;
}
