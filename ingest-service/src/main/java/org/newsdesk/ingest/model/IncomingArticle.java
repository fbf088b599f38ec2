package org.newsdesk.ingest.model;

import java.time.OffsetDateTime;

/**
 * One article as a client, a feed or an NDJSON batch hands it to ingest, before any cleaning.
 * <p>
 * Either {@code text} or {@code html} carries the content; every other field is optional and is only a
 * hint that ingest may overrule with what it finds in the content. This record is the REST JSON body, so it
 * must never grow more than trivial checks: cleaning, language and date decisions belong to the classes that read it.
 *
 * @param text        plain article text as pasted or sent (may still contain banners and related links)
 * @param html        a full HTML page or an HTML fragment (feed content) when there is no plain text
 * @param title       title as the sender knows it
 * @param url         where the article was published
 * @param source      publisher or feed name
 * @param publishedAt publication time as the sender knows it
 * @param language    ISO 639-1 code as the sender knows it
 * @param externalId  the sender's own id (feed GUID, Atom id, NDJSON id)
 */
public record IncomingArticle(
        String text,
        String html,
        String title,
        String url,
        String source,
        OffsetDateTime publishedAt,
        String language,
        String externalId) {

    /** True when neither text nor HTML carries anything but whitespace. */
    public boolean hasNoContent() {
        return (text == null || text.isBlank()) && (html == null || html.isBlank());
    }
}
