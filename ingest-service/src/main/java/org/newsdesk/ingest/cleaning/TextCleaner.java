package org.newsdesk.ingest.cleaning;

/**
 * The one entry point for cleaning: raw pasted text, or text that {@link HtmlContentExtractor} took out of a page,
 * becomes the clean text that NLP annotates, together with the list of what was removed.
 * <p>
 * Annotation offsets index into the text this class returns, so it must be deterministic and must never be
 * called twice on the same article with different settings. It holds no state and is safe to share.
 */
public final class TextCleaner {

    private final TextNormaliser normaliser;
    private final BoilerplateStripper stripper;
    private final HtmlContentExtractor htmlExtractor;

    public TextCleaner() {
        this(new TextNormaliser(), new BoilerplateStripper(), new HtmlContentExtractor());
    }

    public TextCleaner(TextNormaliser normaliser, BoilerplateStripper stripper, HtmlContentExtractor htmlExtractor) {
        this.normaliser = normaliser;
        this.stripper = stripper;
        this.htmlExtractor = htmlExtractor;
    }

    /** Cleans plain text (pasted, from a feed's plain content, or already extracted from HTML). */
    public CleanText clean(String rawText) {
        return stripper.strip(normaliser.normalise(rawText));
    }

    /** Extracts the main content of an HTML page or fragment and cleans it. */
    public CleanText cleanHtml(String html, String pageUrl) {
        return clean(htmlExtractor.extract(html, pageUrl).text());
    }
}
