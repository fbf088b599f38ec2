package org.newsdesk.ingest.format;

import java.time.OffsetDateTime;

import org.newsdesk.ingest.model.IncomingArticle;

/**
 * One RSS item or Atom entry, with what ingest needs from it.
 *
 * @param title       the item title as text
 * @param link        the item's link
 * @param publishedAt published date, or the updated date when the feed gives only that; UTC
 * @param author      the author as the feed names it
 * @param html        content or description when it is HTML
 * @param text        content or description when the feed marks it as plain text
 * @param externalId  RSS guid or Atom id, else the link
 */
public record FeedItem(
        String title,
        String link,
        OffsetDateTime publishedAt,
        String author,
        String html,
        String text,
        String externalId) {

    /** The item as an incoming article from the named source (the feed's title) in the feed's declared language. */
    public IncomingArticle toIncomingArticle(String source, String language) {
        return new IncomingArticle(text, html, title, link, source, publishedAt, language, externalId);
    }
}
