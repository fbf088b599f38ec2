package org.newsdesk.ingest.cleaning;

/**
 * What the page says about itself in its head and markup, as written (dates are left unparsed: the metadata
 * extractor owns date parsing). Any field may be {@code null}.
 *
 * @param title         {@code <title>}
 * @param ogTitle       {@code og:title} (usually the headline without the site suffix)
 * @param byline        author from meta, JSON-LD or the page's byline element
 * @param publishedTime {@code article:published_time}, JSON-LD {@code datePublished}, or the first {@code <time datetime>}
 * @param siteName      {@code og:site_name} or the JSON-LD publisher
 * @param canonicalUrl  {@code <link rel=canonical>} or {@code og:url}, absolute
 * @param language      {@code <html lang>} or the content-language meta, as written ("en-GB")
 */
public record HtmlMetadata(
        String title,
        String ogTitle,
        String byline,
        String publishedTime,
        String siteName,
        String canonicalUrl,
        String language) {

    public static final HtmlMetadata NONE = new HtmlMetadata(null, null, null, null, null, null, null);
}
