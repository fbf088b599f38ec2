package org.newsdesk.query;

import java.time.Duration;
import java.util.Collection;

import org.newsdesk.query.repository.Database;

/** Publishes annotated articles to the real topic and waits until query-service has stored every one of them. */
public final class IndexedArticles {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private IndexedArticles() {
    }

    public static void publishAndAwait(Database db, Collection<AnnotatedArticleBuilder> articles) {
        articles.forEach(article -> TestKafka.publish(article.build()));
        for (AnnotatedArticleBuilder article : articles) {
            Eventually.await("article " + article.articleId() + " indexed", TIMEOUT,
                    () -> db.one("SELECT 1 FROM articles WHERE id = ?", row -> 1, article.articleId()).isPresent(),
                    indexed -> indexed);
        }
    }
}
