package org.newsdesk.ingest.mapping;

import java.util.List;

/** One page of a listing; {@code page} is 0-based. */
public record ArticlePage(int page, int size, long total, List<ArticleSummary> items) {
}
