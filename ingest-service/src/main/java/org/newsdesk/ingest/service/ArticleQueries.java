package org.newsdesk.ingest.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.newsdesk.contracts.problem.ProblemException;
import org.newsdesk.ingest.mapping.ArticleMapper;
import org.newsdesk.ingest.mapping.ArticlePage;
import org.newsdesk.ingest.mapping.ArticleView;
import org.newsdesk.ingest.repository.ArticleRepository;
import org.newsdesk.ingest.repository.ArticleStatus;
import org.newsdesk.ingest.repository.StoredArticle;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Read-only use cases: one article, or a page of them. Never changes anything. */
@ApplicationScoped
public class ArticleQueries {

    public static final int MAX_PAGE_SIZE = 200;

    @Inject
    ArticleRepository articles;

    public ArticleView get(UUID id) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            StoredArticle a = articles.findById(id);
            if (a == null) {
                throw ProblemException.notFound("no article " + id);
            }
            return ArticleMapper.view(a);
        });
    }

    public ArticlePage list(ArticleStatus status, Instant since, int page, int size) {
        if (page < 0) {
            throw ProblemException.badRequest("page must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ProblemException.badRequest("size must be between 1 and " + MAX_PAGE_SIZE);
        }
        return QuarkusTransaction.joiningExisting().call(() -> {
            PanacheQuery<StoredArticle> query = articles.listing(status, since, page, size);
            return new ArticlePage(page, size, query.count(), query.list().stream().map(ArticleMapper::summary).toList());
        });
    }
}
