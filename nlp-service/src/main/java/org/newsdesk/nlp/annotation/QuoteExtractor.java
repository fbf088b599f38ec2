package org.newsdesk.nlp.annotation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.newsdesk.contracts.Annotation;

/**
 * Finds direct quotes in raw article text, before anyone knows who said them: text in “…”, «…», „…“, "…", ‘…’ and
 * '…' (apostrophes are told apart from quote marks by the characters around them), paragraphs introduced by a dash
 * and closed by an attribution ("– …, – said X", "– … ,” the Head of State concluded"), quotes that run over several
 * paragraphs, and short scare quotes inside reported speech, which are marked partial.
 * <p>
 * Works on characters only, in one pass per paragraph, so it serves every language; only the "…, the Head of State
 * said." dash ending relies on English speech verbs. Only outermost quotes are reported: a quote inside a quote
 * belongs to the outer speaker's words. Stateless and thread-safe. It must never guess speakers; that is
 * {@link QuoteAttributor}'s job.
 */
public final class QuoteExtractor {

    /** How the quote is marked. */
    public enum Form { MARKED, DASH }

    /**
     * A quote before attribution.
     *
     * @param start        first character of the quoted words (marks and introducing dash excluded)
     * @param end          end of the quoted words, exclusive
     * @param outerStart   the opening mark or introducing dash
     * @param outerEnd     just after the closing mark (for dash quotes: {@code end}); a quote left open at the end
     *                     of its paragraph ends there
     * @param tailStart    for a dash quote, the attribution clause it ends with ("said President Tokayev."), else -1
     * @param tailEnd      end of that clause, else -1
     * @param continuation whether it continues the previous quote (a new paragraph opened by a quote mark after one
     *                     left open, a text that lost its paragraph breaks, or a dash quote resumed after its
     *                     attribution)
     * @param paragraph    index of the paragraph it starts in
     */
    public record Candidate(int start, int end, int outerStart, int outerEnd, boolean partial, Form form,
            int tailStart, int tailEnd, boolean continuation, int paragraph) {

        public boolean hasTail() {
            return tailStart >= 0;
        }
    }

    /** At most this many words in the attribution that ends a dash quote; longer endings are quote text. */
    private static final int MAX_TAIL_WORDS = 12;
    /** At most this many words in an English "…, the Head of State said." ending without a dash or stray mark. */
    private static final int MAX_COMMA_TAIL_WORDS = 8;
    /** How far ahead to look for a better closer when "s’ " could be a plural possessive. */
    private static final int POSSESSIVE_LOOKAHEAD = 300;

    public List<Candidate> extract(String text) {
        return extract(text, Paragraphs.split(text));
    }

    /** @param paragraphs the article's paragraphs as {@link Paragraphs#split(String)} returns them */
    public List<Candidate> extract(String text, List<Annotation.Span> paragraphs) {
        List<Candidate> out = new ArrayList<>();
        Deque<Open> stack = new ArrayDeque<>();
        int skip = -1;
        for (int p = 0; p < paragraphs.size(); p++) {
            Annotation.Span para = paragraphs.get(p);
            if (stack.isEmpty() && extractDashQuote(text, paragraphs, p, out)) {
                continue;
            }
            new ParagraphScan(text, para.start(), para.end(), p, stack, out).run(skip);
            skip = -1;
            if (!stack.isEmpty()) {
                Open outer = stack.peekLast();
                stack.clear();
                Annotation.Span next = p + 1 < paragraphs.size() ? paragraphs.get(p + 1) : null;
                if (next != null && sameFamilyOpener(outer.mark, text.charAt(next.start()))) {
                    // A paragraph that opens a quote without closing it continues into the next one that opens
                    // with a quote mark: the usual way to quote several paragraphs.
                    stack.push(outer);
                    skip = next.start();
                } else if (isDouble(outer.mark) && (outer.pos == outer.paragraphStart || outer.paragraph < p)) {
                    // A paragraph that is one long quote whose closing mark was forgotten.
                    emit(text, outer, para.end(), para.end(), out);
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- quote marks

    /** An opening mark waiting for its closer; {@code paragraphStart} is where its paragraph begins. */
    private record Open(char mark, int pos, int paragraph, boolean continuation, int paragraphStart) {
    }

    /** One left-to-right pass over a paragraph, keeping a stack of open quotes. */
    private final class ParagraphScan {
        private final String text;
        private final int start;
        private final int end;
        private final int paragraph;
        private final Deque<Open> stack;
        private final List<Candidate> out;

        ParagraphScan(String text, int start, int end, int paragraph, Deque<Open> stack, List<Candidate> out) {
            this.text = text;
            this.start = start;
            this.end = end;
            this.paragraph = paragraph;
            this.stack = stack;
            this.out = out;
        }

        void run(int skip) {
            for (int i = start; i < end; i++) {
                char c = text.charAt(i);
                if (!isQuoteChar(c) || i == skip) {
                    continue;
                }
                if (stack.isEmpty()) {
                    if (isOpener(i)) {
                        push(c, i, false);
                    }
                    continue;
                }
                // A double closing mark while a single quote is open: the "single quote" was an apostrophe.
                while (stack.size() > 1 && !isDouble(stack.peek().mark) && closesDouble(c, i)) {
                    stack.pop();
                }
                Open top = stack.peek();
                if (sameKindOpener(top.mark, c) && isOpenerSide(i) && !isCloserSide(i)) {
                    // The same kind of mark opening again inside an open quote is not nesting (English nests
                    // single in double): either the writer lost a paragraph break ('edge. "After') or typed the
                    // wrong closing mark ('conversations “Ukibai made').
                    boolean newSentence = endsSentence(i);
                    close(i);
                    if (newSentence && stack.isEmpty()) {
                        push(c, i, true);
                    }
                } else if (closes(top.mark, c, i)) {
                    close(i);
                } else if (isOpener(i) && c != top.mark) {
                    push(c, i, false);
                }
            }
        }

        private void push(char c, int i, boolean continuation) {
            stack.push(new Open(c, i, paragraph, continuation, start));
        }

        private void close(int i) {
            Open open = stack.pop();
            if (stack.isEmpty()) {
                emit(text, open, i, i + 1, out);
            }
        }

        private boolean isOpener(int i) {
            char c = text.charAt(i);
            if (c == '«' || c == '„') {
                return true;
            }
            if (c == '”' || c == '»' || c == '’') {
                return false;
            }
            return isOpenerSide(i) && (c == '“' || c == '‘' || !isCloserSide(i));
        }

        /** Preceded by a boundary and followed by a non-space: where opening marks stand. */
        private boolean isOpenerSide(int i) {
            boolean before = i == start || isOpeningContext(text.charAt(i - 1));
            return before && i + 1 < end && !isSpace(text.charAt(i + 1));
        }

        /** Preceded by a non-space and not followed by a letter or digit: where closing marks stand. */
        private boolean isCloserSide(int i) {
            boolean before = i > start && !isSpace(text.charAt(i - 1));
            return before && (i + 1 >= end || !Character.isLetterOrDigit(text.charAt(i + 1)));
        }

        private boolean closes(char open, char c, int i) {
            return switch (open) {
                case '“' -> c == '”' || (c == '"' && isCloserSide(i));
                case '„' -> c == '“' || c == '”';
                case '«' -> c == '»';
                case '"' -> c == '"' || c == '”';
                case '‘', '\'' -> (c == '’' || c == '\'') && isCloserSide(i) && !isPluralPossessive(i);
                default -> false;
            };
        }

        private boolean closesDouble(char c, int i) {
            return c == '”' || c == '»' || (c == '"' && isCloserSide(i));
        }

        /** "the players’ tunnel": an s’ followed by a lower-case word, when a better closer comes soon after. */
        private boolean isPluralPossessive(int i) {
            if (i + 2 >= end || text.charAt(i - 1) != 's' || text.charAt(i + 1) != ' '
                    || !Character.isLowerCase(text.charAt(i + 2))) {
                return false;
            }
            int limit = Math.min(end, i + POSSESSIVE_LOOKAHEAD);
            for (int j = i + 1; j < limit; j++) {
                char c = text.charAt(j);
                if (c == '”' || c == '"' || c == '»') {
                    return false;
                }
                if ((c == '‘' || c == '\'') && isOpenerSide(j) && !isCloserSide(j)) {
                    // "'real terrorists' who … called it 'absolutely appropriate'": the later closer has its own
                    // opener, so this s' closes the quote after all.
                    return false;
                }
                if ((c == '’' || c == '\'') && isCloserSide(j)
                        && !(text.charAt(j - 1) == 's' && j + 2 < end && text.charAt(j + 1) == ' '
                                && Character.isLowerCase(text.charAt(j + 2)))) {
                    return true;
                }
            }
            return false;
        }

        /** Whether the text before position i (white space skipped) ends a sentence. */
        private boolean endsSentence(int i) {
            int k = i - 1;
            while (k >= start && isSpace(text.charAt(k))) {
                k--;
            }
            return k >= start && isSentenceEnd(text.charAt(k));
        }
    }

    private void emit(String text, Open open, int contentEnd, int outerEnd, List<Candidate> out) {
        int s = open.pos + 1;
        int e = contentEnd;
        while (s < e && isSpace(text.charAt(s))) {
            s++;
        }
        while (e > s && isSpace(text.charAt(e - 1))) {
            e--;
        }
        if (letters(text, s, e) < 2) {
            return;
        }
        Candidate previous = out.isEmpty() ? null : out.get(out.size() - 1);
        boolean partial = isPartial(text, s, e, open.pos, open.paragraphStart, previous);
        out.add(new Candidate(s, e, open.pos, outerEnd, partial, Form.MARKED, -1, -1, open.continuation,
                open.paragraph));
    }

    /**
     * A scare quote or fragment: quoted words that continue the writer's own sentence ("called it 'absolutely
     * appropriate'"), or a few words without closing punctuation standing alone (a headline's “Order”).
     */
    private static boolean isPartial(String text, int s, int e, int openPos, int paraStart, Candidate previous) {
        int words = words(text, s, e);
        char last = text.charAt(e - 1);
        boolean closed = isSentenceEnd(last) || last == ',' || last == '…';
        int k = openPos - 1;
        while (k >= paraStart && isSpace(text.charAt(k))) {
            k--;
        }
        boolean sentenceInitial = k < paraStart || isSentenceEnd(text.charAt(k)) || text.charAt(k) == ':'
                || text.charAt(k) == ';' || isDash(text.charAt(k)) || text.charAt(k) == '•'
                || (isQuoteChar(text.charAt(k)) && k > paraStart && isSentenceEnd(text.charAt(k - 1)));
        if (sentenceInitial) {
            return words <= 3 && !closed;
        }
        if (previous != null && previous.outerEnd() <= openPos && previous.outerEnd() > paraStart
                && text.charAt(previous.end() - 1) == ',' && text.charAt(k) == ','
                && words(text, previous.outerEnd(), k) <= 8) {
            // “We will not give up,” she said, “and we will win.” — the second half of an interrupted quote.
            return false;
        }
        if (Character.isUpperCase(firstLetter(text, s, e))) {
            int w = k;
            while (w >= paraStart && (text.charAt(w) == ',' || isSpace(text.charAt(w)))) {
                w--;
            }
            int ws = w;
            while (ws > paraStart && Character.isLetter(text.charAt(ws - 1))) {
                ws--;
            }
            // He said "We will win" and left: a full sentence, introduced without a colon.
            return !(w >= ws && SpeechCues.isSpeechVerb(text.substring(ws, w + 1).toLowerCase(java.util.Locale.ROOT)));
        }
        return true;
    }

    // ---------------------------------------------------------------- dash-introduced quotes

    /**
     * Reads a paragraph that opens with a dash as a quote when it ends with an attribution, or follows a paragraph
     * ending in a colon. Adds the quote (and any continuation after the attribution) to {@code out}.
     */
    private boolean extractDashQuote(String text, List<Annotation.Span> paragraphs, int p, List<Candidate> out) {
        Annotation.Span para = paragraphs.get(p);
        int ps = para.start();
        int pe = para.end();
        if (pe - ps < 3) {
            return false;
        }
        char d = text.charAt(ps);
        boolean longDash = d == '–' || d == '—';
        boolean hyphen = d == '-' && isSpace(text.charAt(ps + 1));
        if (!longDash && !hyphen) {
            return false;
        }
        int contentStart = skipSpaces(text, ps + 1, pe);
        List<Candidate> found = new ArrayList<>();
        int segmentStart = contentStart;
        int outerStart = ps;
        int lastTailStart = -1;
        int lastTailEnd = -1;
        while (segmentStart < pe) {
            int[] sep = findTail(text, segmentStart, pe);
            if (sep == null) {
                if (found.isEmpty()) {
                    break;
                }
                // "– A, – said X. – B": B is X's too.
                addDash(text, found, segmentStart, pe, outerStart, lastTailStart, lastTailEnd, p);
                break;
            }
            addDash(text, found, segmentStart, sep[0], outerStart, sep[1], sep[2], p);
            lastTailStart = sep[1];
            lastTailEnd = sep[2];
            if (sep[2] >= pe) {
                break;
            }
            outerStart = sep[3];
            segmentStart = skipSpaces(text, sep[3] + 1, pe);
        }
        if (found.isEmpty() && longDash && p > 0 && endsWithColon(text, paragraphs.get(p - 1))) {
            addDash(text, found, contentStart, pe, ps, -1, -1, p);
        }
        out.addAll(found);
        return !found.isEmpty();
    }

    private static void addDash(String text, List<Candidate> found, int s, int e, int outerStart, int tailStart,
            int tailEnd, int p) {
        while (e > s && isSpace(text.charAt(e - 1))) {
            e--;
        }
        if (letters(text, s, e) < 2) {
            return;
        }
        found.add(new Candidate(s, e, outerStart, e, false, Form.DASH, tailStart, tailEnd, !found.isEmpty(), p));
    }

    /**
     * The first attribution clause in a dash quote: returns {quote end, tail start, tail end, position of the dash
     * that resumes the quote or the tail end}, or null.
     */
    private static int[] findTail(String text, int from, int pe) {
        int openDouble = 0;
        boolean straightOpen = false;
        for (int i = from; i < pe; i++) {
            char c = text.charAt(i);
            if (c == '“' || c == '«' || c == '„') {
                openDouble++;
            } else if ((c == '”' || c == '»') && openDouble > 0) {
                openDouble--;
            } else if (c == '"') {
                straightOpen = !straightOpen;
            }
            if (c != ',' && !isSentenceEnd(c) && c != '…') {
                continue;
            }
            int j = i + 1;
            int k = skipSpaces(text, j, pe);
            int tailStart = -1;
            if (k < pe - 1 && isDash(text.charAt(k)) && isSpace(text.charAt(k + 1))) {
                tailStart = skipSpaces(text, k + 1, pe);
            } else if (j < pe - 1 && openDouble == 0 && (text.charAt(j) == '”' || text.charAt(j) == '»'
                    || (text.charAt(j) == '"' && !straightOpen)) && isSpace(text.charAt(j + 1))) {
                // A closing mark that nothing opened: the dash quote ends here ("…citizens,” the Head of State
                // concluded").
                tailStart = skipSpaces(text, j + 1, pe);
            }
            if (tailStart < 0 || tailStart >= pe) {
                continue;
            }
            int resume = findResume(text, tailStart, pe);
            int tailEnd = resume < 0 ? pe : resume;
            if (words(text, tailStart, tailEnd) <= MAX_TAIL_WORDS && !isDash(text.charAt(tailStart))) {
                return new int[] {i + 1, tailStart, trimEnd(text, tailStart, tailEnd), resume < 0 ? pe : resume};
            }
        }
        int comma = englishCommaTail(text, from, pe);
        if (comma >= 0) {
            return new int[] {comma + 1, skipSpaces(text, comma + 1, pe), pe, pe};
        }
        return null;
    }

    /** The dash after the attribution that resumes the quote: "said X. – More words". */
    private static int findResume(String text, int from, int pe) {
        for (int i = from; i < pe - 2; i++) {
            char c = text.charAt(i);
            if ((isSentenceEnd(c) || c == ':' || c == ',') && isSpace(text.charAt(i + 1))
                    && isDash(text.charAt(i + 2))) {
                return i + 2;
            }
        }
        return -1;
    }

    /**
     * "…under the control of the Ministry of Defence, the Head of State said.": the last comma of the paragraph
     * when what follows is a short clause with an English speech verb and a full stop.
     */
    private static int englishCommaTail(String text, int from, int pe) {
        if (!isSentenceEnd(text.charAt(pe - 1))) {
            return -1;
        }
        int comma = text.lastIndexOf(',', pe - 1);
        if (comma < from || words(text, comma + 1, pe) > MAX_COMMA_TAIL_WORDS) {
            return -1;
        }
        int i = comma + 1;
        while (i < pe) {
            while (i < pe && !Character.isLetter(text.charAt(i))) {
                i++;
            }
            int w = i;
            while (i < pe && Character.isLetter(text.charAt(i))) {
                i++;
            }
            if (i > w && SpeechCues.isSpeechVerb(text.substring(w, i).toLowerCase(java.util.Locale.ROOT))) {
                return comma;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- character classes

    static boolean isQuoteChar(char c) {
        return c == '“' || c == '”' || c == '„' || c == '«' || c == '»' || c == '"' || c == '‘' || c == '’'
                || c == '\'';
    }

    private static boolean isDouble(char mark) {
        return mark == '“' || mark == '„' || mark == '«' || mark == '"';
    }

    private static boolean sameKindOpener(char open, char c) {
        return (open == '“' && c == '“') || (open == '"' && c == '"');
    }

    private static boolean sameFamilyOpener(char open, char c) {
        return switch (open) {
            case '“', '"' -> c == '“' || c == '"';
            case '«' -> c == '«';
            case '„' -> c == '„';
            case '‘', '\'' -> c == '‘' || c == '\'';
            default -> false;
        };
    }

    private static boolean isOpeningContext(char prev) {
        return isSpace(prev) || "([{<–—-/:".indexOf(prev) >= 0 || isQuoteChar(prev);
    }

    /** White space including the no-break spaces typeset news uses around dashes. */
    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u202F' || c == '\u2009';
    }

    private static boolean isDash(char c) {
        return c == '–' || c == '—' || c == '-';
    }

    private static boolean isSentenceEnd(char c) {
        return c == '.' || c == '!' || c == '?' || c == '…';
    }

    private static boolean endsWithColon(String text, Annotation.Span para) {
        return text.charAt(para.end() - 1) == ':';
    }

    private static int skipSpaces(String text, int i, int end) {
        while (i < end && isSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int trimEnd(String text, int s, int e) {
        while (e > s && isSpace(text.charAt(e - 1))) {
            e--;
        }
        return e;
    }

    private static int letters(String text, int s, int e) {
        int n = 0;
        for (int i = s; i < e && n < 2; i++) {
            if (Character.isLetter(text.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    static int words(String text, int s, int e) {
        int n = 0;
        boolean in = false;
        for (int i = s; i < e; i++) {
            boolean space = isSpace(text.charAt(i));
            if (!space && !in) {
                n++;
            }
            in = !space;
        }
        return n;
    }

    private static char firstLetter(String text, int s, int e) {
        for (int i = s; i < e; i++) {
            if (Character.isLetter(text.charAt(i))) {
                return text.charAt(i);
            }
        }
        return ' ';
    }
}
