package org.newsdesk.ingest.dedup;

import java.util.Arrays;

/**
 * The one definition of "same words" that both the exact fingerprint and MinHash use: letters and digits only,
 * lower-cased, any decimal digit as ASCII, words split at whitespace. Punctuation is dropped without splitting, so
 * re-encoded quotes and apostrophes ("country’s" / "country's") and HTML-entity round trips give the same words.
 */
final class NormalisedWords {

    /** Receives each word in turn; the buffer is reused, so copy what you keep. */
    interface Sink {
        void word(char[] buffer, int length);
    }

    private NormalisedWords() {
    }

    static void forEach(String text, Sink sink) {
        if (text == null) {
            return;
        }
        char[] word = new char[64];
        int length = 0;
        int n = text.length();
        for (int i = 0; i < n; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                int digit = Character.isDigit(cp) ? Character.digit(cp, 10) : -1;
                int folded = digit >= 0 ? '0' + digit : Character.toLowerCase(cp);
                if (length + 2 > word.length) {
                    word = Arrays.copyOf(word, word.length * 2);
                }
                length += Character.toChars(folded, word, length);
            } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                if (length > 0) {
                    sink.word(word, length);
                    length = 0;
                }
            }
        }
        if (length > 0) {
            sink.word(word, length);
        }
    }

    /** The normalised words joined by single spaces. */
    static String join(String text) {
        StringBuilder out = new StringBuilder(text == null ? 0 : text.length());
        forEach(text, (buffer, length) -> {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(buffer, 0, length);
        });
        return out.toString();
    }
}
