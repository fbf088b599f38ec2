package org.newsdesk.query.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.newsdesk.contracts.problem.ProblemException;
import org.newsdesk.query.mapping.ApiViews.ArticleView;
import org.newsdesk.query.mapping.ApiViews.ClusterView;
import org.newsdesk.query.mapping.ApiViews.FactView;
import org.newsdesk.query.mapping.ApiViews.Page;
import org.newsdesk.query.mapping.ApiViews.QuoteView;
import org.newsdesk.query.repository.ArticleQueries;
import org.newsdesk.query.repository.FactQueries;
import org.newsdesk.query.repository.QuoteQueries;

/** Articles, story clusters, quotes and facts as the API shows them. */
@ApplicationScoped
public class ArticleService {

    @Inject
    ArticleQueries articles;

    @Inject
    QuoteQueries quotes;

    @Inject
    FactQueries facts;

    public ArticleView article(UUID id) {
        return articles.article(id).orElseThrow(() -> ProblemException.notFound("no article " + id));
    }

    public ClusterView cluster(UUID id) {
        return articles.cluster(id, 500).orElseThrow(() -> ProblemException.notFound("no story cluster " + id));
    }

    public Page<QuoteView> quotes(List<Long> speakers, boolean speakerGiven, String words, Instant from, Instant to,
                                  int page, int size) {
        long[] total = {0};
        List<QuoteView> items = speakerGiven && speakers.isEmpty() ? List.of()
                : quotes.find(speakers, speakerGiven, words, from, to, page * size, size, total);
        return new Page<>(total[0], page, size, items);
    }

    public Page<FactView> facts(String kind, String words, List<Long> entities, boolean entityGiven, Instant from,
                                Instant to, int page, int size) {
        long[] total = {0};
        List<FactView> items = entityGiven && entities.isEmpty() ? List.of()
                : facts.find(kind, words, entities, entityGiven, from, to, page * size, size, total);
        return new Page<>(total[0], page, size, items);
    }
}
