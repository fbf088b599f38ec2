package org.newsdesk.nlp.service;

/** A text over {@code newsdesk.nlp.max-text-bytes}: refused before it reaches CoreNLP, whatever asked. */
public class TextTooLargeException extends RuntimeException {

    private final long bytes;
    private final long limit;

    public TextTooLargeException(long bytes, long limit) {
        super("the text has " + bytes + " UTF-8 bytes; the limit is " + limit);
        this.bytes = bytes;
        this.limit = limit;
    }

    public long bytes() {
        return bytes;
    }

    public long limit() {
        return limit;
    }
}
