package org.newsdesk.query.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateExtension;

import org.newsdesk.query.mapping.ApiViews.ArticleHit;

/** How the pages print dates, numbers and snippets (template extension methods, all UTC, English). */
@TemplateExtension
public final class PageFormats {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH);

    private PageFormats() {
    }

    /** {@code 6 Jan 2022}, or an empty string. */
    static String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant.atZone(ZoneOffset.UTC));
    }

    static String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    /** {@code 6 Jan 2022, 14:05 UTC}, or an empty string. */
    static String dayTime(Instant instant) {
        return instant == null ? "" : DAY_TIME.format(instant.atZone(ZoneOffset.UTC));
    }

    /** The ISO day, for {@code <time datetime>}. */
    static String isoDay(Instant instant) {
        return instant == null ? "" : instant.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }

    /** The highlighted snippet, checked by {@link SnippetHtml} (only {@code <mark>} gets through). */
    static RawString safeSnippet(ArticleHit hit) {
        return SnippetHtml.of(hit.snippet());
    }

    /** {@code 3,000} or {@code 2.5}: whole numbers without a decimal part. */
    static String amount(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ENGLISH, "%,d", (long) value);
        }
        return String.format(Locale.ENGLISH, "%,.2f", value);
    }

    /** {@code PERSON} → {@code person}, for CSS classes. */
    static String typeClass(String type) {
        return type == null ? "misc" : type.toLowerCase(Locale.ROOT);
    }

    /** {@code ORGANIZATION} → {@code Organisation}, for people. */
    static String typeLabel(String type) {
        if (type == null) {
            return "Other";
        }
        return switch (type) {
            case "PERSON" -> "Person";
            case "ORGANIZATION" -> "Organisation";
            case "LOCATION" -> "Place";
            default -> "Other";
        };
    }

    /** {@code TRANSLITERATION} → {@code transliteration}, {@code NEW_ENTITY} → {@code new entity}: resolver reasons for people. */
    static String humanReason(String reason) {
        return reason == null ? "" : reason.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** The value URL-encoded for a query parameter. */
    static String urlEncoded(String value) {
        return value == null ? "" : java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * The address if it is an absolute http(s) URL, else null: an article's URL comes from whoever ingested
     * it, and a {@code javascript:} link must never reach a page.
     */
    static String httpUrl(String url) {
        if (url == null) {
            return null;
        }
        try {
            java.net.URI uri = new java.net.URI(url.strip());
            String scheme = uri.getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getHost() != null ? uri.toASCIIString() : null;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    /** The article's own address as a link target, or null when it has none or it is not http(s). */
    static String originalLink(org.newsdesk.query.mapping.ApiViews.ArticleView article) {
        return httpUrl(article.url());
    }

    /** {@code en} → {@code English}, falling back to the code. */
    static String languageName(String code) {
        if (code == null || code.isBlank()) {
            return "unknown";
        }
        String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
        return name.isBlank() ? code : name;
    }
}
