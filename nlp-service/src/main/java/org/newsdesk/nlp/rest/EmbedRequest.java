package org.newsdesk.nlp.rest;

/**
 * The body of {@code POST /api/v1/embed}.
 *
 * @param text a search query or any short text; embedded whole
 */
public record EmbedRequest(String text) {
}
