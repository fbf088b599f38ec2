package org.newsdesk.nlp.rest;

import java.time.OffsetDateTime;

/**
 * The body of {@code POST /api/v1/annotate}.
 *
 * @param text        the clean text; every offset in the answer indexes into it
 * @param publishedAt resolves relative dates ("on Friday"); without it only absolute dates are resolved
 * @param language    ISO 639-1 code, e.g. {@code en}; without it the text is taken as English
 */
public record AnnotateRequest(String text, OffsetDateTime publishedAt, String language) {
}
