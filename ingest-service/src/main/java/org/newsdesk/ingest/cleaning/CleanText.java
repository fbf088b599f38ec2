package org.newsdesk.ingest.cleaning;

import java.util.List;

/**
 * The result of cleaning: the text that goes on to NLP and, for transparency, everything that was taken out.
 *
 * @param text     clean text, paragraphs separated by one blank line
 * @param removals what was removed, in text order
 */
public record CleanText(String text, List<Removal> removals) {

    public CleanText {
        removals = List.copyOf(removals);
    }

    /** Number of removals of the given kind. */
    public long count(Removal.Kind kind) {
        return removals.stream().filter(r -> r.kind() == kind).count();
    }
}
