package org.newsdesk.ingest.format;

/**
 * A feed document that cannot be read as RSS or Atom. The message names the problem (malformed XML with line and
 * column, not a feed, unreadable encoding, forbidden DOCTYPE) so it can go back to the client as it is.
 */
public final class FeedParseException extends Exception {

    private final int line;
    private final int column;

    public FeedParseException(String message, int line, int column, Throwable cause) {
        super(message, cause);
        this.line = line;
        this.column = column;
    }

    public FeedParseException(String message, Throwable cause) {
        this(message, -1, -1, cause);
    }

    /** 1-based line of a malformed-XML error, or -1. */
    public int line() {
        return line;
    }

    /** 1-based column of a malformed-XML error, or -1. */
    public int column() {
        return column;
    }
}
