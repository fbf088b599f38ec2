package org.newsdesk.query.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.newsdesk.contracts.Annotation;
import org.newsdesk.contracts.ArticleAnnotated;
import org.newsdesk.contracts.ArticleIngested;
import org.newsdesk.query.mapping.TimexValue;
import org.newsdesk.query.repository.ArticleRepository;
import org.newsdesk.query.repository.ArticleRepository.StoredVersion;
import org.newsdesk.query.repository.ClusterRepository;
import org.newsdesk.query.repository.Database;
import org.newsdesk.query.repository.EntityProfileTables;
import org.newsdesk.query.resolution.EntityNameKey;

import io.quarkus.logging.Log;

/**
 * Makes one annotated article queryable, idempotently: a replay of the stored version, or an older
 * revision, changes nothing; a newer revision or annotation replaces every row of the article in one
 * transaction; a tombstone removes the article with all its rows. Offsets outside the text are skipped
 * (and logged), never stored.
 */
@ApplicationScoped
public class ArticleIndexer {

    /** What an event did. */
    public enum Outcome { INDEXED, UNCHANGED, DELETED, ABSENT }

    @Inject
    ArticleRepository articles;

    @Inject
    ClusterRepository clusters;

    @Inject
    EntityRegistry registry;

    @Inject
    StoryClusterService storyClusters;

    @Inject
    EntityProfileTables profileTables;

    @Transactional
    public Outcome index(ArticleAnnotated event) {
        UUID id = event.articleId();
        articles.lock(id);
        Optional<StoredVersion> stored = articles.version(id);
        if (stored.isPresent() && !isNewer(event, stored.get())) {
            return Outcome.UNCHANGED;
        }
        ArticleIngested article = event.article();
        Annotation annotation = event.annotation() != null ? event.annotation()
                : new Annotation(article.language(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                null, List.of(), List.of("no annotation"));
        String text = article.text();
        Instant published = article.publishedAt() != null ? article.publishedAt().toInstant()
                : article.ingestedAt() != null ? article.ingestedAt()
                : event.annotatedAt() != null ? event.annotatedAt() : Instant.now();
        String language = firstNonBlank(annotation.language(), article.language(), "und");

        articles.upsert(new ArticleRepository.ArticleRow(id, event.revision(), event.annotatorVersion(),
                event.annotatedAt() != null ? event.annotatedAt() : Instant.now(), article.externalId(),
                firstNonBlank(article.source(), "unknown"), article.url(), article.title() == null ? "" : article.title().strip(),
                article.byline(), language, published, article.publishedAt() != null, article.ingestedAt(),
                article.contentHash(), text, article.nearDuplicateOf(), annotation.embedding(),
                annotation.notes(), article.warnings()));
        if (stored.isPresent()) {
            profileTables.removeArticle(id);
            articles.deleteAnnotationRows(id);
        }

        Map<String, Long> entityOfLocalId = new HashMap<>();
        writeEntities(id, annotation, text, published, entityOfLocalId);
        profileTables.addArticle(id);
        writeQuotes(id, annotation, text, language, published, entityOfLocalId);
        profileTables.addQuoteSubjects(id);
        writeDates(id, annotation, text, published);
        writeFacts(id, annotation, text, language, published);
        writeKeyphrases(id, annotation);
        writeParagraphs(id, annotation, text);

        UUID cluster = stored.map(StoredVersion::clusterId).orElse(null);
        if (cluster == null) {
            storyClusters.place(id, firstNonBlank(article.title(), article.externalId(), id.toString()),
                    article.nearDuplicateOf(), published, new LinkedHashSet<>(entityOfLocalId.values()),
                    paragraphVectors(annotation));
        }
        return Outcome.INDEXED;
    }

    /** Removes an article on a tombstone. */
    @Transactional
    public Outcome delete(UUID articleId) {
        articles.lock(articleId);
        Optional<StoredVersion> stored = articles.version(articleId);
        if (stored.isEmpty()) {
            return Outcome.ABSENT;
        }
        profileTables.removeArticle(articleId);
        articles.delete(articleId);
        clusters.deleteEmpty(stored.get().clusterId());
        return Outcome.DELETED;
    }

    /**
     * A higher revision is news; within one revision a different annotation counts only when it was
     * made later (a re-annotation), so a late duplicate of an older annotation never wins.
     */
    static boolean isNewer(ArticleAnnotated event, StoredVersion stored) {
        if (event.revision() != stored.revision()) {
            return event.revision() > stored.revision();
        }
        if (java.util.Objects.equals(event.annotatorVersion(), stored.annotatorVersion())
                && java.util.Objects.equals(event.annotatedAt(), stored.annotatedAt())) {
            return false;
        }
        return event.annotatedAt() != null && stored.annotatedAt() != null && event.annotatedAt().isAfter(stored.annotatedAt());
    }

    private void writeEntities(UUID id, Annotation annotation, String text, Instant published,
                               Map<String, Long> entityOfLocalId) {
        List<Object[]> mentions = new ArrayList<>();
        Map<Long, List<String>> localIds = new LinkedHashMap<>();
        Map<Long, Integer> counts = new HashMap<>();
        Map<Long, String> reasons = new HashMap<>();
        for (Annotation.Entity entity : nullSafe(annotation.entities())) {
            EntityRegistry.Registered registered = registry.register(id, entity);
            if (registered == null) {
                continue;
            }
            long entityId = registered.entityId();
            if (entity.id() != null) {
                entityOfLocalId.put(entity.id(), entityId);
            }
            localIds.computeIfAbsent(entityId, k -> new ArrayList<>()).add(entity.id() == null ? "" : entity.id());
            reasons.putIfAbsent(entityId, registered.reason());
            for (Annotation.Mention mention : nullSafe(entity.mentions())) {
                if (!within(text, mention.start(), mention.end())) {
                    Log.warnf("article %s: mention [%d,%d) outside the text, skipped", id, mention.start(), mention.end());
                    continue;
                }
                mentions.add(new Object[] {id, entityId, mention.start(), mention.end(),
                        mention.text() != null ? mention.text() : text.substring(mention.start(), mention.end())});
                counts.merge(entityId, 1, Integer::sum);
            }
        }
        articles.insertMentions(mentions);
        List<Object[]> rows = new ArrayList<>();
        localIds.forEach((entityId, locals) -> rows.add(new Object[] {id, entityId, counts.getOrDefault(entityId, 0),
                Database.textArray(locals), reasons.get(entityId), published}));
        articles.insertArticleEntities(rows);
    }

    private void writeQuotes(UUID id, Annotation annotation, String text, String language, Instant published,
                             Map<String, Long> entityOfLocalId) {
        List<Object[]> rows = new ArrayList<>();
        for (Annotation.Quote quote : nullSafe(annotation.quotes())) {
            if (!within(text, quote.start(), quote.end())) {
                continue;
            }
            Long speaker = null;
            String speakerName = null;
            if (quote.speaker() != null) {
                speaker = quote.speaker().entityId() == null ? null : entityOfLocalId.get(quote.speaker().entityId());
                speakerName = quote.speaker().name();
            }
            String quoteText = quote.text() != null ? quote.text() : text.substring(quote.start(), quote.end());
            rows.add(new Object[] {id, speaker, speakerName, quoteText, quote.start(), quote.end(), quote.cue(),
                    quote.cueStart(), quote.partial(), language, published});
        }
        articles.insertQuotes(rows);
    }

    private void writeDates(UUID id, Annotation annotation, String text, Instant published) {
        List<Object[]> rows = new ArrayList<>();
        for (Annotation.DateMention date : nullSafe(annotation.dates())) {
            if (!within(text, date.start(), date.end())) {
                continue;
            }
            TimexValue resolved = TimexValue.parse(date.value(), date.type());
            Annotation.Span sentence = sentenceAround(annotation, text, date.start(), date.end());
            rows.add(new Object[] {id, date.start(), date.end(),
                    date.text() != null ? date.text() : text.substring(date.start(), date.end()), date.value(),
                    date.type(), resolved == null ? null : resolved.date(), resolved == null ? null : resolved.precision(),
                    text.substring(sentence.start(), sentence.end()).strip(), published});
        }
        articles.insertDates(rows);
    }

    private void writeFacts(UUID id, Annotation annotation, String text, String language, Instant published) {
        List<Object[]> rows = new ArrayList<>();
        for (Annotation.Fact fact : nullSafe(annotation.facts())) {
            if (!within(text, fact.start(), fact.end()) || fact.kind() == null) {
                continue;
            }
            Annotation.Span sentence = sentenceAround(annotation, text, fact.start(), fact.end());
            rows.add(new Object[] {id, fact.kind(), fact.quantity(), fact.qualifier(), fact.unit(), fact.subject(),
                    fact.text() != null ? fact.text() : text.substring(fact.start(), fact.end()), fact.start(),
                    fact.end(), text.substring(sentence.start(), sentence.end()).strip(), sentence.start(),
                    sentence.end(), language, published});
        }
        articles.insertFacts(rows);
    }

    private void writeKeyphrases(UUID id, Annotation annotation) {
        List<Object[]> rows = new ArrayList<>();
        for (Annotation.Keyphrase phrase : nullSafe(annotation.keyphrases())) {
            if (phrase.text() != null && !phrase.text().isBlank()) {
                rows.add(new Object[] {id, phrase.text().strip(), EntityNameKey.normalise(phrase.text()),
                        (float) phrase.score()});
            }
        }
        articles.insertKeyphrases(rows);
    }

    private void writeParagraphs(UUID id, Annotation annotation, String text) {
        List<Object[]> rows = new ArrayList<>();
        for (Annotation.ParagraphEmbedding paragraph : nullSafe(annotation.paragraphEmbeddings())) {
            if (paragraph.vector() != null && within(text, paragraph.start(), paragraph.end())) {
                rows.add(new Object[] {id, paragraph.start(), paragraph.end(), Database.realArray(paragraph.vector())});
            }
        }
        articles.insertParagraphEmbeddings(rows);
    }

    private static List<float[]> paragraphVectors(Annotation annotation) {
        List<float[]> vectors = new ArrayList<>();
        for (Annotation.ParagraphEmbedding paragraph : nullSafe(annotation.paragraphEmbeddings())) {
            if (paragraph.vector() != null) {
                vectors.add(paragraph.vector());
            }
        }
        return vectors;
    }

    /** The annotated sentence holding the span, or the line around it when sentences are missing. */
    static Annotation.Span sentenceAround(Annotation annotation, String text, int start, int end) {
        for (Annotation.Span sentence : nullSafe(annotation.sentences())) {
            if (sentence.start() <= start && end <= sentence.end() && within(text, sentence.start(), sentence.end())) {
                return sentence;
            }
        }
        int from = text.lastIndexOf('\n', Math.max(start - 1, 0));
        int to = text.indexOf('\n', end);
        return new Annotation.Span(from < 0 ? 0 : from + 1, to < 0 ? text.length() : to);
    }

    private static boolean within(String text, int start, int end) {
        return start >= 0 && start <= end && end <= text.length();
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
