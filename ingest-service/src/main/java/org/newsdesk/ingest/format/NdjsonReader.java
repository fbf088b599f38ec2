package org.newsdesk.ingest.format;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.newsdesk.ingest.model.IncomingArticle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a batch of articles as NDJSON: one {@link IncomingArticle} JSON object per line ({@code text}, {@code html},
 * {@code title}, {@code url}, {@code source}, {@code publishedAt}, {@code language}, {@code externalId}; {@code id}
 * is accepted for {@code externalId}; other fields are ignored).
 * <p>
 * A bad line never fails the batch: it yields a {@link Line} with the 1-based line number and an error that says
 * what is wrong with it, and reading goes on. Blank lines are skipped. It reads the JSON tree by hand rather than
 * binding by reflection, which keeps it native-image friendly and lets each error name the field.
 */
public final class NdjsonReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One non-blank input line: either an article or an error.
     *
     * @param lineNumber 1-based line number in the input
     * @param article    the article, or null when the line was rejected
     * @param error      why the line was rejected, or null
     */
    public record Line(int lineNumber, IncomingArticle article, String error) {

        public boolean ok() {
            return article != null;
        }
    }

    /** Streams every non-blank line to the sink, in order. */
    public void read(Reader input, Consumer<Line> sink) throws IOException {
        BufferedReader reader = input instanceof BufferedReader buffered ? buffered : new BufferedReader(input);
        String text;
        int lineNumber = 0;
        while ((text = reader.readLine()) != null) {
            lineNumber++;
            if (lineNumber == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
                text = text.substring(1);
            }
            if (!text.isBlank()) {
                sink.accept(parseLine(lineNumber, text));
            }
        }
    }

    public List<Line> readAll(Reader input) throws IOException {
        List<Line> lines = new ArrayList<>();
        read(input, lines::add);
        return lines;
    }

    /** Parses one line; never throws for bad content. */
    public Line parseLine(int lineNumber, String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (RuntimeException e) {
            return new Line(lineNumber, null, "line " + lineNumber + ": malformed JSON: " + e.getMessage());
        } catch (JsonProcessingException e) {
            // Jackson gives no location for some errors (input cut inside a token)
            String where = e.getLocation() == null ? "" : " (column " + e.getLocation().getColumnNr() + ")";
            return new Line(lineNumber, null, "line " + lineNumber + ": malformed JSON: " + e.getOriginalMessage() + where);
        }
        if (node == null || !node.isObject()) {
            return new Line(lineNumber, null, "line " + lineNumber + ": expected a JSON object, got "
                    + (node == null ? "nothing" : node.getNodeType().name().toLowerCase()));
        }
        try {
            String externalId = string(node, "externalId");
            if (externalId == null) {
                externalId = idAsString(node);
            }
            IncomingArticle article = new IncomingArticle(string(node, "text"), string(node, "html"),
                    string(node, "title"), string(node, "url"), string(node, "source"), dateTime(node, "publishedAt"),
                    string(node, "language"), externalId);
            if (article.hasNoContent()) {
                return new Line(lineNumber, null, "line " + lineNumber + ": neither 'text' nor 'html' has content");
            }
            return new Line(lineNumber, article, null);
        } catch (IllegalArgumentException e) {
            return new Line(lineNumber, null, "line " + lineNumber + ": " + e.getMessage());
        }
    }

    private static String string(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' must be a string, got "
                    + value.getNodeType().name().toLowerCase());
        }
        return value.asText();
    }

    private static String idAsString(JsonNode node) {
        JsonNode id = node.get("id");
        if (id == null || id.isNull()) {
            return null;
        }
        if (id.isTextual() || id.isIntegralNumber()) {
            return id.asText();
        }
        throw new IllegalArgumentException("field 'id' must be a string or an integer");
    }

    private static OffsetDateTime dateTime(JsonNode node, String field) {
        String value = string(node, field);
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            return OffsetDateTime.parse(v);
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(v).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(v).atStartOfDay().atOffset(ZoneOffset.UTC);
                } catch (DateTimeParseException notDate) {
                    throw new IllegalArgumentException("field '" + field + "' is not an ISO-8601 date-time: '" + value + "'");
                }
            }
        }
    }
}
