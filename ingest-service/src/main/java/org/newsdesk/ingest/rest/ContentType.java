package org.newsdesk.ingest.rest;

import java.util.Locale;
import java.util.Set;

import org.newsdesk.contracts.problem.ProblemException;

/**
 * A request's {@code Content-Type} reduced to what the endpoints dispatch on: the lower-case media type without
 * parameters, and the charset parameter. A missing or unreadable header is a 415, never a 500.
 */
record ContentType(String mediaType, String charset) {

    static final Set<String> JSON = Set.of("application/json");
    static final Set<String> TEXT = Set.of("text/plain");
    static final Set<String> HTML = Set.of("text/html", "application/xhtml+xml");
    static final Set<String> NDJSON = Set.of("application/x-ndjson", "application/ndjson", "application/jsonl",
            "application/x-jsonlines", "application/jsonlines");
    static final Set<String> FEED = Set.of("application/rss+xml", "application/atom+xml", "application/rdf+xml",
            "application/xml", "text/xml");

    static ContentType of(String header) {
        if (header == null || header.isBlank()) {
            throw unsupported("a Content-Type header is required");
        }
        String[] parts = header.split(";");
        String type = parts[0].trim().toLowerCase(Locale.ROOT);
        if (!type.matches("[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+")) {
            throw unsupported("unreadable Content-Type '" + clip(header) + "'");
        }
        String charset = null;
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("charset")) {
                charset = kv[1].trim();
            }
        }
        return new ContentType(type, charset);
    }

    boolean isOneOf(Set<String> types) {
        return types.contains(mediaType);
    }

    static ProblemException unsupported(String detail) {
        return new ProblemException(415, "Unsupported Media Type", detail);
    }

    ProblemException unsupportedHere(String accepted) {
        return unsupported("Content-Type " + mediaType + " is not accepted here; send " + accepted);
    }

    private static String clip(String s) {
        return s.length() > 100 ? s.substring(0, 100) + "…" : s;
    }
}
