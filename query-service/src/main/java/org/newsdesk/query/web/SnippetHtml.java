package org.newsdesk.query.web;

import io.quarkus.qute.RawString;

/**
 * The last check before a search snippet goes into a page unescaped: the only markup allowed through is
 * {@code <mark>} and {@code </mark>} without attributes. Anything else means the snippet was not built by
 * {@code SnippetMarkup}, and then the whole snippet is escaped as text instead (never partially trusted).
 */
public final class SnippetHtml {

    private static final String OPEN = "<mark>";
    private static final String CLOSE = "</mark>";

    private SnippetHtml() {
    }

    public static RawString of(String html) {
        if (html == null || html.isEmpty()) {
            return new RawString("");
        }
        String withoutMarks = html.replace(OPEN, "").replace(CLOSE, "");
        if (withoutMarks.indexOf('<') >= 0 || withoutMarks.indexOf('>') >= 0) {
            return new RawString(escape(withoutMarks));
        }
        int open = count(html, OPEN);
        int close = count(html, CLOSE);
        if (open != close || html.indexOf(CLOSE) >= 0 && html.indexOf(CLOSE) < html.indexOf(OPEN)) {
            return new RawString(escape(withoutMarks));
        }
        return new RawString(html);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }
}
