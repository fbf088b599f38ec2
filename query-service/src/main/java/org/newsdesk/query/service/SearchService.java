package org.newsdesk.query.service;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.newsdesk.query.mapping.ApiViews.Facets;
import org.newsdesk.query.mapping.ApiViews.Page;
import org.newsdesk.query.mapping.ApiViews.SearchResult;
import org.newsdesk.query.mapping.ApiViews.TimelineEvent;
import org.newsdesk.query.repository.ArticleFilter;
import org.newsdesk.query.repository.Database;
import org.newsdesk.query.repository.SearchRepository;
import org.newsdesk.query.repository.TimelineQueries;

/** Article search with facets, the timeline of matching articles, and exports of the same matches. */
@ApplicationScoped
public class SearchService {

    @Inject
    SearchRepository search;

    @Inject
    TimelineQueries timeline;

    public SearchResult search(ArticleFilter filter, String entityType, boolean byDate, int page, int size) {
        SearchRepository.HitPage hits = search.search(filter, byDate, page * size, size);
        Facets facets = hits.total() == 0 ? new Facets(List.of(), List.of(), List.of(), List.of())
                : search.facets(filter, entityType);
        return new SearchResult(hits.total(), page, size, hits.hits(), facets);
    }

    public Page<TimelineEvent> timeline(ArticleFilter filter, LocalDate from, LocalDate to, int page, int size) {
        long[] total = {0};
        List<TimelineEvent> events = timeline.events(filter, from, to, page * size, size, total);
        return new Page<>(total[0], page, size, events);
    }

    public void export(ArticleFilter filter, int limit, Database.RowConsumer consumer) {
        search.export(filter, limit, consumer);
    }
}
