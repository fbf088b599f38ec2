package org.newsdesk.query.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An article's clean text cut into paragraphs and, inside them, into plain runs and entity mentions, so the
 * template can wrap each mention in a link to its entity. The pieces are plain strings: the template escapes
 * them, and this class must never build markup itself.
 */
public final class AnnotatedText {

    /** A mention to highlight: {@code [start, end)} in the article text, the canonical entity and its type. */
    public record Highlight(int start, int end, long entityId, String type, String name) {
    }

    /** A run of text; {@code entityId} is null for plain text. */
    public record Segment(String text, Long entityId, String type, String name) {

        public boolean mention() {
            return entityId != null;
        }

        /** {@code person}, {@code organization}, {@code location} or {@code misc}, for the CSS class. */
        public String typeClass() {
            return type == null ? "misc" : type.toLowerCase(Locale.ROOT);
        }
    }

    public record Paragraph(List<Segment> segments) {
    }

    /** One or more blank lines end a paragraph. */
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n[ \\t\\x0B\\f\\r]*\\n\\s*");

    private AnnotatedText() {
    }

    /**
     * Cuts {@code text} into paragraphs of segments. Highlights outside the text or overlapping an earlier,
     * longer one are left out (the text stays whole either way).
     */
    public static List<Paragraph> of(String text, List<Highlight> highlights) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<Highlight> usable = nonOverlapping(text.length(), highlights);
        List<Paragraph> paragraphs = new ArrayList<>();
        int from = 0;
        Matcher breaks = PARAGRAPH_BREAK.matcher(text);
        int next = 0;
        while (from < text.length()) {
            int end;
            int after;
            if (breaks.find(from)) {
                end = breaks.start();
                after = breaks.end();
            } else {
                end = text.length();
                after = text.length();
            }
            int start = skipSpace(text, from, end);
            int stop = trimEnd(text, start, end);
            if (start < stop) {
                while (next < usable.size() && usable.get(next).end() <= start) {
                    next++;
                }
                paragraphs.add(new Paragraph(segments(text, start, stop, usable, next)));
            }
            from = after;
        }
        return paragraphs;
    }

    private static List<Segment> segments(String text, int start, int stop, List<Highlight> highlights, int first) {
        List<Segment> segments = new ArrayList<>();
        int at = start;
        for (int i = first; i < highlights.size() && highlights.get(i).start() < stop; i++) {
            Highlight h = highlights.get(i);
            int hs = Math.max(h.start(), start);
            int he = Math.min(h.end(), stop);
            if (he <= hs) {
                continue;
            }
            if (hs > at) {
                segments.add(new Segment(text.substring(at, hs), null, null, null));
            }
            segments.add(new Segment(text.substring(hs, he), h.entityId(), h.type(), h.name()));
            at = he;
        }
        if (at < stop) {
            segments.add(new Segment(text.substring(at, stop), null, null, null));
        }
        return segments;
    }

    private static List<Highlight> nonOverlapping(int length, List<Highlight> highlights) {
        List<Highlight> sorted = new ArrayList<>();
        for (Highlight h : highlights == null ? List.<Highlight>of() : highlights) {
            if (h != null && h.start() >= 0 && h.end() <= length && h.start() < h.end()) {
                sorted.add(h);
            }
        }
        sorted.sort(Comparator.comparingInt(Highlight::start).thenComparing(Comparator.comparingInt(Highlight::end).reversed()));
        List<Highlight> kept = new ArrayList<>();
        int reached = 0;
        for (Highlight h : sorted) {
            if (h.start() >= reached) {
                kept.add(h);
                reached = h.end();
            }
        }
        return kept;
    }

    private static int skipSpace(String text, int from, int end) {
        int i = from;
        while (i < end && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int trimEnd(String text, int start, int end) {
        int i = end;
        while (i > start && Character.isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }
}
