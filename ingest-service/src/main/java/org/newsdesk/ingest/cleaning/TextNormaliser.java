package org.newsdesk.ingest.cleaning;

import java.text.Normalizer;

/**
 * Brings text from any source to one canonical layout: Unicode NFC, {@code \n} line ends, single spaces,
 * trimmed lines and at most one blank line between paragraphs.
 * <p>
 * It removes only characters a reader cannot see (zero-width spaces, byte-order marks, soft hyphens,
 * bidirectional marks, control characters) and turns exotic spaces (no-break, figure, thin) into plain
 * spaces. It must never change a visible character, so quote marks, dashes and digits stay as written:
 * the quote extractor and the date parser rely on them.
 */
public final class TextNormaliser {

    /** Returns the normalised text; {@code null} gives the empty string. */
    public String normalise(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        String s = Normalizer.isNormalized(raw, Normalizer.Form.NFC) ? raw : Normalizer.normalize(raw, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(s.length());
        int pendingNewlines = 0;
        boolean pendingSpace = false;
        boolean lineHasText = false;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            int lineBreaks = lineBreaks(c, s, i);
            if (lineBreaks > 0) {
                if (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') {
                    i++;
                }
                pendingNewlines += lineBreaks;
                pendingSpace = false;
                lineHasText = false;
                continue;
            }
            if (isInvisible(c)) {
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingSpace = lineHasText;
                continue;
            }
            if (Character.getType(c) == Character.CONTROL) {
                continue;
            }
            if (pendingNewlines > 0) {
                if (out.length() > 0) {
                    out.append(pendingNewlines >= 2 ? "\n\n" : "\n");
                }
                pendingNewlines = 0;
            } else if (pendingSpace) {
                out.append(' ');
            }
            pendingSpace = false;
            lineHasText = true;
            out.append(c);
        }
        return out.toString();
    }

    private static int lineBreaks(char c, String s, int i) {
        return switch (c) {
            case '\n', '\r', '\u000B', '\u000C', '\u0085', '\u2028' -> 1;
            case '\u2029' -> 2;
            default -> 0;
        };
    }

    /** Characters with no glyph that only get in the way of matching; ZWJ/ZWNJ stay (Persian, Indic spelling). */
    static boolean isInvisible(char c) {
        return c == '\u200B' || c == '\uFEFF' || c == '\u00AD' || c == '\u2060' || c == '\u180E'
                || c == '\u200E' || c == '\u200F' || c == '\u061C'
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
