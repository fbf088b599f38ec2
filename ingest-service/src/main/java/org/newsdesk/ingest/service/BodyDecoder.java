package org.newsdesk.ingest.service;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.newsdesk.contracts.problem.Problem;
import org.newsdesk.contracts.problem.ProblemException;
import org.newsdesk.ingest.config.IngestConfig;
import org.newsdesk.ingest.format.NdjsonReader;
import org.newsdesk.ingest.format.Utf8Decoder;
import org.newsdesk.ingest.model.IncomingArticle;

/**
 * Turns request bytes into text and articles the same way for every endpoint: UTF-8 (or the declared charset)
 * with invalid bytes replaced and a warning instead of a rejection, size limits as 413, JSON through the same
 * reader as NDJSON lines. It never throws anything but a {@link ProblemException}.
 */
@ApplicationScoped
public class BodyDecoder {

    /** Text plus what decoding noticed. */
    public record Decoded(String text, List<String> warnings) {
    }

    @Inject
    Utf8Decoder utf8;

    @Inject
    NdjsonReader ndjson;

    @Inject
    IngestConfig config;

    public long maxArticleBytes() {
        return config.maxArticleSize().asLongValue();
    }

    /** Rejects an article body over the configured limit with 413. */
    public void checkSize(long bytes, String what) {
        if (bytes > maxArticleBytes()) {
            throw tooLarge(bytes, what);
        }
    }

    public ProblemException tooLarge(long bytes, String what) {
        return new ProblemException(413, "Content Too Large",
                what + " has " + bytes + " bytes; the limit is " + maxArticleBytes() + " bytes");
    }

    public Problem tooLargeProblem(long bytes, String what) {
        return tooLarge(bytes, what).problem();
    }

    /** Decodes with the declared charset when it is a known non-UTF-8 one, else as UTF-8 with replacement. */
    public Decoded decode(byte[] bytes, String charsetName) {
        Charset charset = charset(charsetName);
        if (charset != null && !charset.equals(StandardCharsets.UTF_8)) {
            return new Decoded(new String(bytes, charset), List.of());
        }
        Utf8Decoder.DecodedText decoded = utf8.decode(bytes);
        return new Decoded(decoded.text(), decoded.warnings());
    }

    /** One JSON article (the body of {@code POST /api/v1/articles}); 400 naming the problem when it is not one. */
    public IncomingArticle parseJsonArticle(String json) {
        NdjsonReader.Line line = parseLine(1, json);
        if (!line.ok()) {
            throw ProblemException.badRequest(line.error().replaceFirst("^line 1: ", ""));
        }
        return line.article();
    }

    /**
     * Splits an NDJSON body into items, decoding each line on its own so that a warning (or a 400, or a 413)
     * belongs to the line that earned it. Blank lines are skipped but keep their number.
     *
     * @param file             the uploaded file name, or null
     * @param defaultIdPrefix  when not null, a line without externalId gets {@code prefix#line}
     */
    public List<BatchItem> ndjsonItems(byte[] body, String file, String defaultIdPrefix, String sourceOverride) {
        List<BatchItem> items = new ArrayList<>();
        int start = 0;
        int lineNumber = 0;
        while (start <= body.length) {
            int end = indexOf(body, (byte) '\n', start);
            int stop = end < 0 ? body.length : end;
            lineNumber++;
            int length = stop - start;
            if (length > 0 && body[stop - 1] == '\r') {
                length--;
            }
            if (length > 0 && !isBlank(body, start, length)) {
                if (length > maxArticleBytes()) {
                    items.add(BatchItem.rejected(file, lineNumber, tooLargeProblem(length, "line " + lineNumber)));
                } else {
                    byte[] bytes = java.util.Arrays.copyOfRange(body, start, start + length);
                    Decoded decoded = decode(bytes, null);
                    NdjsonReader.Line line = parseLine(lineNumber, decoded.text());
                    if (line.ok()) {
                        IncomingArticle article = withDefaults(line.article(),
                                defaultIdPrefix == null ? null : defaultIdPrefix + "#" + lineNumber, sourceOverride);
                        items.add(BatchItem.of(file, lineNumber, article, decoded.warnings()));
                    } else {
                        items.add(BatchItem.rejected(file, lineNumber, Problem.of(400, "Bad Request", line.error())));
                    }
                }
            }
            if (end < 0) {
                break;
            }
            start = end + 1;
        }
        return items;
    }

    /**
     * {@link NdjsonReader#parseLine} promises never to throw, but a Jackson limit error without a location (too deep
     * nesting, too long a number) made it throw a NullPointerException; such a line is malformed JSON all the same.
     */
    private NdjsonReader.Line parseLine(int lineNumber, String json) {
        try {
            return ndjson.parseLine(lineNumber, json);
        } catch (RuntimeException e) {
            return new NdjsonReader.Line(lineNumber, null, "line " + lineNumber + ": malformed JSON ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** The article with a default externalId (when it has none) and the source replaced (when one is given). */
    public static IncomingArticle withDefaults(IncomingArticle a, String defaultExternalId, String sourceOverride) {
        String externalId = a.externalId() == null || a.externalId().isBlank() ? defaultExternalId : a.externalId();
        String source = sourceOverride == null || sourceOverride.isBlank() ? a.source() : sourceOverride;
        return new IncomingArticle(a.text(), a.html(), a.title(), a.url(), source, a.publishedAt(), a.language(), externalId);
    }

    private static Charset charset(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Charset.forName(name.trim().replace("\"", "").toLowerCase(Locale.ROOT));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new ProblemException(415, "Unsupported Media Type", "unsupported charset '" + name + "'");
        }
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isBlank(byte[] bytes, int start, int length) {
        for (int i = start; i < start + length; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }
}
