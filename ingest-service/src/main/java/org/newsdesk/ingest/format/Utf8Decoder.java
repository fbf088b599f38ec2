package org.newsdesk.ingest.format;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Decodes bytes that should be UTF-8 without ever rejecting them: each malformed or truncated sequence becomes
 * U+FFFD and the result says how many there were, so ingest can accept the article with a warning
 * ({@code ArticleIngested.warnings}) instead of losing it. A leading byte-order mark is dropped.
 * It must never silently guess another charset: a Latin-1 file shows up as replacement characters and a warning.
 */
public final class Utf8Decoder {

    /**
     * @param text          the decoded text
     * @param malformed     number of malformed byte sequences replaced with U+FFFD
     * @param firstBadByte  byte offset of the first one, or -1
     * @param warnings      human-readable warnings, empty when the bytes were valid UTF-8
     */
    public record DecodedText(String text, int malformed, long firstBadByte, List<String> warnings) {

        public boolean clean() {
            return malformed == 0;
        }
    }

    public DecodedText decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length + 16);
        int malformed = 0;
        long firstBad = -1;
        while (true) {
            CoderResult result = in.hasRemaining() ? decoder.decode(in, out, true) : CoderResult.UNDERFLOW;
            if (result.isError()) {
                if (firstBad < 0) {
                    firstBad = in.position();
                }
                malformed++;
                out = ensureRoom(out, 1);
                out.put('\uFFFD');
                in.position(in.position() + result.length());
            } else if (result.isOverflow()) {
                out = ensureRoom(out, out.capacity());
            } else {
                CoderResult flush = decoder.flush(out);
                if (flush.isOverflow()) {
                    out = ensureRoom(out, 16);
                    continue;
                }
                break;
            }
        }
        out.flip();
        List<String> warnings = malformed == 0 ? List.of() : List.of(String.format(
                "invalid UTF-8: %d malformed byte sequence(s) replaced with U+FFFD, first at byte %d", malformed, firstBad));
        return new DecodedText(out.toString(), malformed, firstBad, warnings);
    }

    private static CharBuffer ensureRoom(CharBuffer out, int extra) {
        if (out.remaining() >= extra && extra <= 16) {
            return out;
        }
        CharBuffer bigger = CharBuffer.allocate(out.capacity() + Math.max(extra, 16));
        out.flip();
        bigger.put(out);
        return bigger;
    }
}
