package org.newsdesk.ingest.service;

import java.util.List;

import org.newsdesk.ingest.mapping.ArticleMapper;
import org.newsdesk.ingest.mapping.IngestResponse;
import org.newsdesk.ingest.repository.StoredArticle;

/**
 * What ingesting one article did: stored a new article ({@code CREATED}, 202), found the same (source, externalId)
 * already stored ({@code EXISTING}, 200) or found the same text already stored ({@code DUPLICATE}, 200). Only
 * {@code CREATED} publishes anything.
 */
public record IngestOutcome(Kind kind, StoredArticle article, List<String> warnings) {

    public enum Kind { CREATED, EXISTING, DUPLICATE }

    public int httpStatus() {
        return kind == Kind.CREATED ? 202 : 200;
    }

    public IngestResponse response() {
        return switch (kind) {
            case CREATED, EXISTING -> ArticleMapper.response(article, kind == Kind.CREATED ? null : List.of());
            case DUPLICATE -> ArticleMapper.duplicate(article, warnings);
        };
    }
}
