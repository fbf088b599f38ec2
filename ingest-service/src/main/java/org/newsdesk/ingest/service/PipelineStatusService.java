package org.newsdesk.ingest.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.newsdesk.ingest.repository.ArticleRepository;
import org.newsdesk.ingest.repository.ArticleStatus;
import org.newsdesk.ingest.repository.StoredArticle;

/**
 * Moves an article's pipeline status when a later stage reports on it. Only forward, and only for the revision the
 * report is about: a stale or late event never undoes a newer status, and an unknown article is ignored (the
 * topics are shared, other environments' articles may pass by). A dead letter for the current revision (or a newer
 * one) marks the article FAILED with the reason even after INDEXED: a stage gave up on that revision.
 */
@ApplicationScoped
public class PipelineStatusService {

    private static final int MAX_REASON = 2000;

    @Inject
    ArticleRepository articles;

    /**
     * @param revision the revision the event is about, or null when the event does not say (then the current one)
     * @return true when the stored status changed
     */
    @Transactional
    public boolean advance(UUID articleId, Integer revision, ArticleStatus status, String reason) {
        int rev;
        if (revision != null) {
            rev = revision;
        } else {
            StoredArticle a = articles.findById(articleId);
            if (a == null) {
                return false;
            }
            rev = a.revision;
        }
        String clipped = reason == null || reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON);
        return articles.advanceStatus(articleId, rev, status, status == ArticleStatus.FAILED ? clipped : null);
    }
}
