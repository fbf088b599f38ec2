package org.newsdesk.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.newsdesk.contracts.Annotation;
import org.newsdesk.contracts.Annotation.EntityType;
import org.newsdesk.contracts.ArticleAnnotated;
import org.newsdesk.contracts.ArticleIngested;

/**
 * Builds the {@link ArticleAnnotated} event nlp-service would publish for a text, by hand: entities,
 * quotes, dates and facts are given by their surface text, and every offset is found in the real text
 * (a form that does not occur fails the test), so the events are as realistic as the annotation given.
 */
public final class AnnotatedArticleBuilder {

    private final UUID articleId;
    private final String text;
    private String title;
    private String source = "test-wire";
    private String externalId;
    private OffsetDateTime published = OffsetDateTime.parse("2022-01-06T12:00:00Z");
    private int revision = 1;
    private String annotatorVersion = "hand-1";
    private Instant annotatedAt = Instant.parse("2026-01-01T00:00:00Z");
    private UUID nearDuplicateOf;
    private String language = "en";
    private final List<Annotation.Entity> entities = new ArrayList<>();
    private final List<Annotation.Quote> quotes = new ArrayList<>();
    private final List<Annotation.DateMention> dates = new ArrayList<>();
    private final List<Annotation.Fact> facts = new ArrayList<>();
    private final List<Annotation.Keyphrase> keyphrases = new ArrayList<>();
    private java.util.function.Function<String, float[]> embedder;

    private AnnotatedArticleBuilder(UUID articleId, String text) {
        this.articleId = articleId;
        this.text = text;
        this.title = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("untitled").strip();
        this.externalId = "test-" + articleId;
    }

    public static AnnotatedArticleBuilder of(String text) {
        return new AnnotatedArticleBuilder(UUID.randomUUID(), text);
    }

    /** The seed article whose file name starts with {@code number} ("004"). */
    public static AnnotatedArticleBuilder seed(String number) {
        return of(seedText(number));
    }

    public static String seedText(String number) {
        try (Stream<Path> files = Files.list(Path.of("..", "seeds"))) {
            Path file = files.filter(f -> f.getFileName().toString().startsWith(number)).findFirst().orElseThrow();
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public AnnotatedArticleBuilder id(UUID id) {
        AnnotatedArticleBuilder copy = new AnnotatedArticleBuilder(id, text);
        copy.title = title;
        copy.source = source;
        copy.externalId = externalId;
        copy.published = published;
        copy.revision = revision;
        copy.annotatorVersion = annotatorVersion;
        copy.annotatedAt = annotatedAt;
        copy.nearDuplicateOf = nearDuplicateOf;
        copy.language = language;
        copy.entities.addAll(entities);
        copy.quotes.addAll(quotes);
        copy.dates.addAll(dates);
        copy.facts.addAll(facts);
        copy.keyphrases.addAll(keyphrases);
        copy.embedder = embedder;
        return copy;
    }

    public AnnotatedArticleBuilder title(String title) {
        this.title = title;
        return this;
    }

    public AnnotatedArticleBuilder source(String source) {
        this.source = source;
        return this;
    }

    public AnnotatedArticleBuilder published(String isoDateTime) {
        this.published = OffsetDateTime.parse(isoDateTime);
        return this;
    }

    public AnnotatedArticleBuilder revision(int revision) {
        this.revision = revision;
        return this;
    }

    public AnnotatedArticleBuilder annotated(String annotatorVersion, Instant at) {
        this.annotatorVersion = annotatorVersion;
        this.annotatedAt = at;
        return this;
    }

    public AnnotatedArticleBuilder nearDuplicateOf(UUID original) {
        this.nearDuplicateOf = original;
        return this;
    }

    public AnnotatedArticleBuilder language(String language) {
        this.language = language;
        return this;
    }

    /** An entity with a mention at every occurrence of each form (longest forms first, no overlaps). */
    public AnnotatedArticleBuilder entity(String localId, String name, EntityType type, String... forms) {
        List<Annotation.Mention> mentions = new ArrayList<>();
        List<String> sorted = new ArrayList<>(List.of(forms));
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        for (String form : sorted) {
            int from = 0;
            int found = 0;
            while ((from = text.indexOf(form, from)) >= 0) {
                int start = from;
                int end = from + form.length();
                boolean overlaps = mentions.stream().anyMatch(m -> m.start() < end && start < m.end())
                        || entities.stream().flatMap(e -> e.mentions().stream())
                        .anyMatch(m -> m.start() < end && start < m.end());
                boolean wordBoundary = (start == 0 || !Character.isLetter(text.charAt(start - 1)))
                        && (end == text.length() || !Character.isLetter(text.charAt(end)));
                if (!overlaps && wordBoundary) {
                    mentions.add(new Annotation.Mention(start, end, form));
                    found++;
                }
                from = end;
            }
            if (found == 0 && mentions.stream().noneMatch(m -> m.text().contains(form))) {
                throw new AssertionError("'" + form + "' does not occur in the text");
            }
        }
        mentions.sort(Comparator.comparingInt(Annotation.Mention::start));
        entities.add(new Annotation.Entity(localId, name, type, null, mentions));
        return this;
    }

    /** A quote: its text must occur; the speaker is an entity local id (or null) with a name. */
    public AnnotatedArticleBuilder quote(String quoteText, String speakerLocalId, String speakerName, String cue) {
        int start = indexOf(quoteText);
        int cueStart = cue == null ? -1 : text.indexOf(cue, start + quoteText.length());
        quotes.add(new Annotation.Quote(start, start + quoteText.length(), quoteText, false,
                new Annotation.Speaker(speakerLocalId, speakerName), cue, cueStart < 0 ? null : cueStart));
        return this;
    }

    public AnnotatedArticleBuilder date(String dateText, String value, String type) {
        int start = indexOf(dateText);
        dates.add(new Annotation.DateMention(start, start + dateText.length(), dateText, value, type));
        return this;
    }

    public AnnotatedArticleBuilder fact(String factText, String kind, double quantity, String qualifier, String subject) {
        int start = indexOf(factText);
        facts.add(new Annotation.Fact(start, start + factText.length(), factText, kind, quantity, qualifier, null, subject));
        return this;
    }

    public AnnotatedArticleBuilder keyphrase(String phrase, double score) {
        keyphrases.add(new Annotation.Keyphrase(phrase, score));
        return this;
    }

    /**
     * Vectors as nlp-service gives them: one per paragraph (blocks between blank lines) from {@code embedder}, and
     * the document vector as their normalised mean.
     */
    public AnnotatedArticleBuilder embedded(java.util.function.Function<String, float[]> embedder) {
        this.embedder = embedder;
        return this;
    }

    public UUID articleId() {
        return articleId;
    }

    public String text() {
        return text;
    }

    public ArticleAnnotated build() {
        ArticleIngested article = new ArticleIngested(ArticleIngested.SCHEMA_VERSION, articleId, revision, externalId,
                source, "https://example.org/" + articleId, title, null, language, published, text,
                "sha256-" + articleId, nearDuplicateOf, published.toInstant().plusSeconds(60), List.of());
        Annotation annotation = new Annotation(language, sentences(), List.copyOf(entities), List.copyOf(quotes),
                List.copyOf(dates), List.copyOf(facts), List.copyOf(keyphrases), documentVector(), paragraphEmbeddings(),
                List.of());
        return new ArticleAnnotated(ArticleAnnotated.SCHEMA_VERSION, articleId, revision, annotatorVersion, annotatedAt,
                article, annotation);
    }

    private List<Annotation.ParagraphEmbedding> paragraphEmbeddings() {
        List<Annotation.ParagraphEmbedding> paragraphs = new ArrayList<>();
        if (embedder == null) {
            return paragraphs;
        }
        java.util.regex.Matcher gap = java.util.regex.Pattern.compile("\\n\\s*\\n").matcher(text);
        int from = 0;
        while (true) {
            boolean found = gap.find();
            int to = found ? gap.start() : text.length();
            int start = from;
            int end = to;
            while (start < end && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            if (end > start) {
                paragraphs.add(new Annotation.ParagraphEmbedding(start, end, embedder.apply(text.substring(start, end))));
            }
            if (!found) {
                break;
            }
            from = gap.end();
        }
        return paragraphs;
    }

    private float[] documentVector() {
        List<Annotation.ParagraphEmbedding> paragraphs = paragraphEmbeddings();
        if (paragraphs.isEmpty()) {
            return null;
        }
        int dimension = paragraphs.get(0).vector().length;
        float[] sum = new float[dimension];
        for (Annotation.ParagraphEmbedding p : paragraphs) {
            for (int i = 0; i < dimension; i++) {
                sum[i] += p.vector()[i];
            }
        }
        double norm = 0;
        for (float x : sum) {
            norm += x * x;
        }
        for (int i = 0; i < dimension; i++) {
            sum[i] = (float) (sum[i] / Math.sqrt(norm));
        }
        return sum;
    }

    /** Sentences as the JDK sentence BreakIterator splits the text (nlp-service uses CoreNLP; offsets are what matter). */
    private List<Annotation.Span> sentences() {
        List<Annotation.Span> spans = new ArrayList<>();
        java.text.BreakIterator iterator = java.text.BreakIterator.getSentenceInstance(java.util.Locale.ENGLISH);
        iterator.setText(text);
        int start = iterator.first();
        for (int end = iterator.next(); end != java.text.BreakIterator.DONE; start = end, end = iterator.next()) {
            spans.add(new Annotation.Span(start, end));
        }
        return spans;
    }

    private int indexOf(String fragment) {
        int start = text.indexOf(fragment);
        if (start < 0) {
            throw new AssertionError("'" + fragment + "' does not occur in the text");
        }
        return start;
    }
}
