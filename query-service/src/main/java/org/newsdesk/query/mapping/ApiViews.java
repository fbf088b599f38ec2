package org.newsdesk.query.mapping;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The JSON shapes the API answers with. Records only: no behaviour, no persistence annotations, so that
 * a change of storage never changes the API by accident.
 */
public final class ApiViews {

    private ApiViews() {
    }

    /** One page of a list: {@code total} counts every match, not only this page. */
    public record Page<T>(long total, int page, int size, List<T> items) {
    }

    public record ArticleHit(UUID id, String externalId, String title, String source, Instant publishedAt,
                             String language, String snippet, Double score, UUID clusterId) {
    }

    public record SearchResult(long total, int page, int size, List<ArticleHit> items, Facets facets) {
    }

    public record Facets(List<EntityCount> entities, List<ValueCount> sources, List<ValueCount> languages,
                         List<ValueCount> months) {
    }

    public record EntityCount(long id, String name, String type, long count) {
    }

    public record ValueCount(String value, long count) {
    }

    public record EntityRef(long id, String name, String type) {
    }

    public record ArticleRef(UUID id, String title, String source, Instant publishedAt) {
    }

    public record MentionView(int start, int end, String text) {
    }

    public record ArticleEntity(long id, String name, String type, String subtype, int mentionCount,
                                List<MentionView> mentions) {
    }

    public record QuoteView(long id, String text, SpeakerView speaker, String speakerName, ArticleRef article,
                            Instant publishedAt, String cue, boolean partial, int start, int end) {
    }

    public record SpeakerView(long id, String name) {
    }

    public record DateView(int start, int end, String text, String value, String type, LocalDate date, String precision) {
    }

    public record FactView(long id, String kind, double quantity, String qualifier, String unit, String subject,
                           String text, String sentence, int start, int end, ArticleRef article, Instant publishedAt) {
    }

    public record KeyphraseView(String text, double score) {
    }

    public record ClusterRef(UUID id, String label, long articleCount) {
    }

    public record ArticleView(UUID id, String externalId, int revision, String annotatorVersion, String source,
                              String url, String title, String byline, String language, Instant publishedAt,
                              Instant ingestedAt, Instant indexedAt, String text, List<ArticleEntity> entities,
                              List<QuoteView> quotes, List<DateView> dates, List<FactView> facts,
                              List<KeyphraseView> keyphrases, ClusterRef cluster, ArticleRef duplicateOf,
                              List<ArticleRef> duplicates, List<String> notes) {
    }

    public record EntitySummary(long id, String name, String type, long articleCount, double similarity,
                                List<String> matchedAliases) {
    }

    public record AliasView(String alias, boolean pinned, String reason) {
    }

    public record DayCount(LocalDate date, long count) {
    }

    public record HistoryEntry(String action, String reason, Long fromEntityId, Long toEntityId, String alias,
                               UUID articleId, String evidence, String actor, Instant at) {
    }

    public record EntityProfile(long id, String name, String type, String subtype, boolean blocked,
                                List<AliasView> aliases, long articleCount, long mentionCount, Instant firstSeen,
                                Instant lastSeen, List<EntityCount> cooccurring, List<DayCount> mentionsPerDay,
                                List<QuoteView> quotesBy, List<QuoteView> quotesAbout, List<HistoryEntry> history) {
    }

    public record TimelineEvent(LocalDate date, String precision, String kind, String text, ArticleRef article) {
    }

    public record GraphNode(long id, String name, String type, long articleCount) {
    }

    public record GraphEdge(long source, long target, long weight) {
    }

    public record Graph(List<GraphNode> nodes, List<GraphEdge> edges) {
    }

    public record ClusterArticle(UUID id, String title, String source, Instant publishedAt, String reason, Double score,
                                 UUID nearDuplicateOf) {
    }

    public record ClusterView(UUID id, String label, Instant firstPublished, Instant lastPublished,
                              List<ClusterArticle> articles, List<EntityCount> entities) {
    }
}
