package org.newsdesk.ingest.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.newsdesk.contracts.problem.ProblemException;
import org.newsdesk.ingest.cleaning.CleanText;
import org.newsdesk.ingest.cleaning.ExtractedPage;
import org.newsdesk.ingest.cleaning.HtmlContentExtractor;
import org.newsdesk.ingest.cleaning.TextCleaner;
import org.newsdesk.ingest.dedup.ContentFingerprint;
import org.newsdesk.ingest.dedup.MinHashSignature;
import org.newsdesk.ingest.dedup.MinHasher;
import org.newsdesk.ingest.dedup.NearDuplicateIndex;
import org.newsdesk.ingest.language.LanguageDetector;
import org.newsdesk.ingest.metadata.ArticleMetadata;
import org.newsdesk.ingest.metadata.ArticleMetadataExtractor;
import org.newsdesk.ingest.model.IncomingArticle;

import io.quarkus.logging.Log;

/**
 * Does the CPU side of ingest for one article: validates what the client sent, cleans the text (or extracts it
 * from HTML), reads metadata, detects the language and computes the exact and near-duplicate fingerprints.
 * <p>
 * What the client states explicitly (title, date, URL, source, language) wins over what the content suggests;
 * the content fills the gaps. It never touches the database, and it never lets an exception from the cleaning
 * classes escape as anything but a 4xx problem: bad input must not look like a server fault.
 */
@ApplicationScoped
public class ArticlePreparer {

    static final int MAX_EXTERNAL_ID = 512;
    static final int MAX_SOURCE = 512;
    static final int MAX_URL = 4096;
    static final int MAX_TITLE = 2000;
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    @Inject
    TextCleaner cleaner;

    @Inject
    HtmlContentExtractor htmlExtractor;

    @Inject
    ArticleMetadataExtractor metadataExtractor;

    @Inject
    LanguageDetector languageDetector;

    @Inject
    MinHasher minHasher;

    @Inject
    NearDuplicateIndex<UUID> banding;

    /**
     * @param in            the article as received
     * @param inputWarnings what decoding the body already noticed (invalid UTF-8)
     * @throws ProblemException 400 for empty or invalid input, 422 when the content cannot be processed
     */
    public PreparedArticle prepare(IncomingArticle in, List<String> inputWarnings) {
        if (in == null || in.hasNoContent()) {
            throw ProblemException.badRequest("the article has no text: send non-empty 'text' or 'html'");
        }
        List<String> warnings = new ArrayList<>(inputWarnings == null ? List.of() : inputWarnings);
        String externalId = field("externalId", in.externalId(), MAX_EXTERNAL_ID, warnings);
        String source = field("source", in.source(), MAX_SOURCE, warnings);
        String url = field("url", in.url(), MAX_URL, warnings);
        String title = field("title", in.title(), MAX_TITLE, warnings);
        String language = language(in.language());
        try {
            boolean asText = in.text() != null && !in.text().isBlank();
            String rawText = asText ? withoutNul(in.text(), warnings) : null;
            String rawHtml = null;
            CleanText clean;
            ArticleMetadata metadata;
            if (asText) {
                clean = cleaner.clean(rawText);
                metadata = metadataExtractor.extract(rawText);
            } else {
                ExtractedPage page = htmlExtractor.extract(withoutNul(in.html(), warnings), url);
                rawHtml = page.articleHtml();
                clean = cleaner.clean(page.text());
                metadata = metadataExtractor.extract(page.text(), page.metadata());
            }
            String cleanText = clean.text();
            if (cleanText.isBlank() || !ContentFingerprint.hasWords(cleanText)) {
                throw ProblemException.badRequest("the article has no words left after cleaning"
                        + (asText ? "" : " (the HTML has no readable text)"));
            }
            MinHashSignature signature = minHasher.signature(cleanText);
            String detected = language != null ? language : languageDetector.detect(cleanText);
            if (LanguageDetector.UNDETERMINED.equals(detected)) {
                warnings.add("language could not be determined");
            }
            String finalTitle = title != null ? title : clip(metadata.title(), MAX_TITLE);
            return new PreparedArticle(
                    source != null ? source : clip(metadata.siteName(), MAX_SOURCE),
                    externalId,
                    finalTitle,
                    clip(metadata.byline(), MAX_TITLE),
                    url != null ? url : clip(metadata.canonicalUrl(), MAX_URL),
                    detected,
                    in.publishedAt() != null ? in.publishedAt() : metadata.publishedAt(),
                    rawText, rawHtml, cleanText,
                    ContentFingerprint.of(finalTitle, cleanText), signature, banding.bandKeys(signature),
                    List.copyOf(warnings));
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // A cleaning class choking on hostile input is a defect to fix, but the client's answer is about its input.
            Log.errorf(e, "cleaning failed for externalId=%s", externalId);
            throw new ProblemException(422, "Unprocessable Content",
                    "the article's content could not be processed: " + e.getClass().getSimpleName());
        }
    }

    /** Parses a {@code publishedAt} query parameter the way the JSON body's field is read. */
    public static OffsetDateTime parsePublishedAt(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            return OffsetDateTime.parse(v);
        } catch (java.time.format.DateTimeParseException notOffset) {
            try {
                return java.time.LocalDateTime.parse(v).atOffset(java.time.ZoneOffset.UTC);
            } catch (java.time.format.DateTimeParseException notLocal) {
                try {
                    return java.time.LocalDate.parse(v).atStartOfDay().atOffset(java.time.ZoneOffset.UTC);
                } catch (java.time.format.DateTimeParseException notDate) {
                    throw ProblemException.badRequest("publishedAt is not an ISO-8601 date-time: '" + clip(v, 100) + "'");
                }
            }
        }
    }

    private static String field(String name, String value, int max, List<String> warnings) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = withoutNul(value.strip(), warnings);
        if (v.length() > max) {
            throw ProblemException.badRequest(name + " is longer than " + max + " characters");
        }
        return v;
    }

    private static String language(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        int dash = v.indexOf('-');
        String primary = dash > 0 ? v.substring(0, dash) : v;
        if (!LANGUAGE.matcher(primary).matches()) {
            throw ProblemException.badRequest("language must be an ISO 639 code such as 'en', got '" + clip(value, 20) + "'");
        }
        return primary;
    }

    /**
     * Postgres text cannot hold U+0000, and an unpaired UTF-16 surrogate (legal in a JSON string escape) is not
     * text at all: neither carries meaning in an article, so they go, with a warning, instead of failing the insert.
     */
    static String withoutNul(String value, List<String> warnings) {
        if (value == null) {
            return null;
        }
        StringBuilder out = null;
        boolean nul = false;
        boolean surrogate = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean drop = c == '\u0000';
            boolean lone = false;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    if (out != null) {
                        out.append(c).append(value.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
                lone = true;
            } else if (Character.isLowSurrogate(c)) {
                lone = true;
            }
            if (drop || lone) {
                if (out == null) {
                    out = new StringBuilder(value.length()).append(value, 0, i);
                }
                nul |= drop;
                surrogate |= lone;
                if (lone) {
                    out.append('\uFFFD');
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        if (out == null) {
            return value;
        }
        addOnce(warnings, nul ? "NUL characters removed" : null);
        addOnce(warnings, surrogate ? "unpaired UTF-16 surrogates replaced with U+FFFD" : null);
        return out.toString();
    }

    private static void addOnce(List<String> warnings, String warning) {
        if (warning != null && !warnings.contains(warning)) {
            warnings.add(warning);
        }
    }

    private static String clip(String value, int max) {
        if (value == null) {
            return null;
        }
        return value.length() <= max ? value : value.substring(0, max);
    }
}
