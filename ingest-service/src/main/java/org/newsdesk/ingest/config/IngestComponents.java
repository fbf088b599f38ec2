package org.newsdesk.ingest.config;

import java.util.UUID;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.newsdesk.ingest.cleaning.HtmlContentExtractor;
import org.newsdesk.ingest.cleaning.TextCleaner;
import org.newsdesk.ingest.dedup.MinHasher;
import org.newsdesk.ingest.dedup.NearDuplicateIndex;
import org.newsdesk.ingest.format.FeedParser;
import org.newsdesk.ingest.format.NdjsonReader;
import org.newsdesk.ingest.format.Utf8Decoder;
import org.newsdesk.ingest.language.LanguageDetector;
import org.newsdesk.ingest.metadata.ArticleMetadataExtractor;

/**
 * Makes the plain-Java cleaning, metadata, language, dedup and format classes injectable. They are stateless or
 * thread-safe, so one instance each serves every request; they are {@code @Singleton} because final classes
 * cannot be proxied. Nothing here may hold request state.
 */
public class IngestComponents {

    @Produces
    @Singleton
    TextCleaner textCleaner() {
        return new TextCleaner();
    }

    @Produces
    @Singleton
    HtmlContentExtractor htmlContentExtractor() {
        return new HtmlContentExtractor();
    }

    @Produces
    @Singleton
    ArticleMetadataExtractor articleMetadataExtractor() {
        return new ArticleMetadataExtractor();
    }

    @Produces
    @Singleton
    LanguageDetector languageDetector(IngestConfig config) {
        return new LanguageDetector(config.languages(), LanguageDetector.DEFAULT_MIN_LETTERS,
                LanguageDetector.DEFAULT_MIN_RELATIVE_DISTANCE);
    }

    @Produces
    @Singleton
    MinHasher minHasher() {
        return new MinHasher();
    }

    /**
     * Used only for its banding ({@code bandKeys}): the band keys live in Postgres, so this index stays empty
     * and every replica sees the same candidates.
     */
    @Produces
    @Singleton
    NearDuplicateIndex<UUID> nearDuplicateBanding(MinHasher minHasher, IngestConfig config) {
        return new NearDuplicateIndex<>(minHasher.hashes(), config.nearDuplicateThreshold());
    }

    @Produces
    @Singleton
    Utf8Decoder utf8Decoder() {
        return new Utf8Decoder();
    }

    @Produces
    @Singleton
    FeedParser feedParser() {
        return new FeedParser();
    }

    @Produces
    @Singleton
    NdjsonReader ndjsonReader() {
        return new NdjsonReader();
    }
}
