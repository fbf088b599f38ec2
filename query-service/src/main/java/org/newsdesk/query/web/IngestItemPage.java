package org.newsdesk.query.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One page of ingest-service's article listing (0-based {@code page}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IngestItemPage(int page, int size, long total, List<IngestItem> items) {
}
