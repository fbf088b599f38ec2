package org.newsdesk.query.mapping;

/**
 * Turns a PostgreSQL {@code ts_headline} fragment into safe HTML: the article text is escaped, and only
 * the highlight delimiters (private-use characters that cannot come from a query) become {@code <mark>}.
 * It must never let markup from an article or a query through unescaped.
 */
public final class SnippetMarkup {

    /** Start and stop delimiters handed to ts_headline. */
    public static final String START = "\uE000";
    public static final String STOP = "\uE001";

    /** The ts_headline options that use the delimiters. */
    public static final String HEADLINE_OPTIONS =
            "StartSel=" + START + ",StopSel=" + STOP + ",MaxFragments=2,MaxWords=30,MinWords=12,FragmentDelimiter= … ";

    private SnippetMarkup() {
    }

    public static String toHtml(String headline) {
        if (headline == null) {
            return null;
        }
        StringBuilder html = new StringBuilder(headline.length() + 32);
        for (int i = 0; i < headline.length(); i++) {
            char c = headline.charAt(i);
            switch (c) {
                case '\uE000' -> html.append("<mark>");
                case '\uE001' -> html.append("</mark>");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '&' -> html.append("&amp;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
        return html.toString();
    }

    /** The opening of a text as escaped HTML, cut at a word boundary, for results without a query. */
    public static String opening(String text, int maxChars) {
        if (text == null) {
            return null;
        }
        String clean = text.replace(START, "").replace(STOP, "").strip().replaceAll("\\s+", " ");
        if (clean.length() > maxChars) {
            int cut = clean.lastIndexOf(' ', maxChars);
            clean = clean.substring(0, cut > maxChars / 2 ? cut : maxChars) + " …";
        }
        return toHtml(clean);
    }
}
