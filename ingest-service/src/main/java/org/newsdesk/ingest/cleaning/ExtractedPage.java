package org.newsdesk.ingest.cleaning;

/**
 * The main content of an HTML page.
 *
 * @param text        the story as plain text, paragraphs separated by blank lines (not yet boilerplate-stripped)
 * @param articleHtml the story's HTML, sanitised: no scripts, styles, forms, frames or event-handler attributes
 * @param metadata    what the page's head and markup say about the article
 */
public record ExtractedPage(String text, String articleHtml, HtmlMetadata metadata) {
}
