package org.newsdesk.query.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.newsdesk.query.mapping.ApiViews.ArticleHit;
import org.newsdesk.query.mapping.ApiViews.Facets;
import org.newsdesk.query.mapping.ApiViews.Page;
import org.newsdesk.query.mapping.ApiViews.SearchResult;
import org.newsdesk.query.mapping.ApiViews.TimelineEvent;
import org.newsdesk.query.mapping.SnippetMarkup;
import org.newsdesk.query.repository.ArticleFilter;
import org.newsdesk.query.repository.Database;
import org.newsdesk.query.repository.SearchRepository;
import org.newsdesk.query.repository.TimelineQueries;
import org.newsdesk.query.repository.VectorRepository;
import org.newsdesk.query.semantic.NlpUnavailableException;
import org.newsdesk.query.semantic.QueryEmbedder;
import org.newsdesk.query.semantic.SemanticIndex;
import org.newsdesk.query.semantic.VectorIndex;

/** Article search with facets, the timeline of matching articles, and exports of the same matches. */
@ApplicationScoped
public class SearchService {

    @Inject
    SearchRepository search;

    @Inject
    TimelineQueries timeline;

    @Inject
    VectorRepository vectors;

    @Inject
    SemanticIndex semanticIndex;

    @Inject
    QueryEmbedder embedder;

    /** Characters of the best paragraph shown as a semantic hit's snippet. */
    static final int SNIPPET_CHARS = 300;

    public SearchResult search(ArticleFilter filter, String entityType, boolean byDate, int page, int size) {
        SearchRepository.HitPage hits = search.search(filter, entityType, byDate, page * size, size);
        return new SearchResult(hits.total(), page, size, hits.hits(), hits.facets());
    }

    /**
     * {@code mode=semantic}: the articles nearest to the query by cosine (see {@link VectorIndex} for the score),
     * among those the other filters let through, with the same facets and paging as word search. The snippet is the
     * best-matching paragraph (escaped; there are no words to mark). Throws {@link NlpUnavailableException} when
     * nlp-service cannot embed the query.
     */
    public SearchResult semanticSearch(ArticleFilter filter, String entityType, boolean byDate, int page, int size) {
        float[] query = embedder.embed(filter.query());
        Set<UUID> allowed = filter.hasConditions() ? vectors.matching(filter) : null;
        List<VectorIndex.Match> matches = allowed != null && allowed.isEmpty() ? List.of()
                : semanticIndex.rank(query, allowed);
        if (byDate) {
            matches = new ArrayList<>(matches);
            matches.sort(Comparator.comparing(VectorIndex.Match::publishedAt,
                    Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(VectorIndex.Match::id));
        }
        int from = Math.min(matches.size(), page * size);
        List<VectorIndex.Match> onPage = matches.subList(from, Math.min(matches.size(), from + size));
        Map<UUID, SearchRepository.HitRow> rows = search.rows(onPage.stream().map(VectorIndex.Match::id).toList());
        List<ArticleHit> hits = new ArrayList<>(onPage.size());
        for (VectorIndex.Match match : onPage) {
            SearchRepository.HitRow row = rows.get(match.id());
            if (row != null) {
                hits.add(new ArticleHit(row.id(), row.externalId(), row.title(), row.source(), row.publishedAt(),
                        row.language(), snippet(row.text(), match), match.score(), row.clusterId()));
            }
        }
        Facets facets = matches.isEmpty() ? new Facets(List.of(), List.of(), List.of(), List.of())
                : search.facets(matches.stream().map(VectorIndex.Match::id).toList(), entityType);
        return new SearchResult(matches.size(), page, size, hits, facets);
    }

    /** The best paragraph as escaped text (the opening when the article has no paragraph vectors). */
    static String snippet(String text, VectorIndex.Match match) {
        if (text == null) {
            return null;
        }
        if (match.paragraphStart() >= 0 && match.paragraphStart() < match.paragraphEnd()
                && match.paragraphEnd() <= text.length()) {
            return SnippetMarkup.opening(text.substring(match.paragraphStart(), match.paragraphEnd()), SNIPPET_CHARS);
        }
        return SnippetMarkup.opening(text, SNIPPET_CHARS);
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
