package org.newsdesk.ingest.mapping;

import java.util.List;

import org.newsdesk.contracts.ArticleIngested;
import org.newsdesk.contracts.Topics;
import org.newsdesk.contracts.serde.JsonEventSerializer;
import org.newsdesk.ingest.repository.StoredArticle;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Turns stored articles into what leaves the service: REST bodies and the {@link ArticleIngested} event. The one
 * place that decides which stored field goes where, so REST and Kafka never disagree.
 */
@RegisterForReflection(targets = {ArticleIngested.class, IngestResponse.class, BatchLineResult.class, ArticleView.class,
        ArticleSummary.class, ArticlePage.class, org.newsdesk.contracts.problem.Problem.class})
public final class ArticleMapper {

    private static final JsonEventSerializer<ArticleIngested> EVENTS = new JsonEventSerializer<>();

    private ArticleMapper() {
    }

    public static IngestResponse response(StoredArticle a, List<String> extraWarnings) {
        List<String> warnings = extraWarnings == null || extraWarnings.isEmpty() ? a.warnings : extraWarnings;
        return new IngestResponse(a.id, a.status.name(), a.title, a.publishedAt, a.language, a.externalId, a.source,
                null, a.nearDuplicateOf, warnings);
    }

    /** The answer for an exact duplicate: the original, marked DUPLICATE, with the submitter's warnings. */
    public static IngestResponse duplicate(StoredArticle original, List<String> warnings) {
        return new IngestResponse(original.id, "DUPLICATE", original.title, original.publishedAt, original.language,
                original.externalId, original.source, original.id, null, warnings);
    }

    public static ArticleView view(StoredArticle a) {
        return new ArticleView(a.id, a.externalId, a.source, a.url, a.title, a.byline, a.language, a.publishedAt,
                a.status.name(), a.failureReason, a.revision, a.nearDuplicateOf, a.nearDuplicateSimilarity,
                a.contentHash, a.warnings, a.rawText, a.rawHtml, a.cleanText, a.receivedAt, a.updatedAt);
    }

    public static ArticleSummary summary(StoredArticle a) {
        return new ArticleSummary(a.id, a.externalId, a.source, a.title, a.language, a.publishedAt, a.status.name(),
                a.failureReason, a.revision, a.nearDuplicateOf, a.receivedAt);
    }

    public static ArticleIngested event(StoredArticle a) {
        return new ArticleIngested(ArticleIngested.SCHEMA_VERSION, a.id, a.revision, a.externalId, a.source, a.url,
                a.title, a.byline, a.language, a.publishedAt, a.cleanText, a.contentHash, a.nearDuplicateOf,
                a.receivedAt, a.warnings == null ? List.of() : List.copyOf(a.warnings));
    }

    /** The event exactly as the relay will put it on {@link Topics#ARTICLES_INGESTED}. */
    public static String eventJson(StoredArticle a) {
        return new String(EVENTS.serialize(Topics.ARTICLES_INGESTED, event(a)), java.nio.charset.StandardCharsets.UTF_8);
    }
}
